/** Small valid graphs the specs build on. */
export function manualTransformGraph(value = 'one') {
  return {
    nodes: [
      { id: 'start', type: 'trigger.manual', config: {} },
      { id: 'shape', type: 'transform', config: { set: { 'result.value': value } } },
    ],
    edges: [{ source: 'start', target: 'shape' }],
  };
}

export function workflowBody(name = 'Orders', value = 'one') {
  return { name, description: 'Routes orders', tags: ['sales'], ...manualTransformGraph(value) };
}
