import { MeasureModel } from '../model/strategy';
import { Rule } from './rule';

/**
 * The cycles of the dependency graph as its strongly connected components (Tarjan's
 * algorithm, iterative so that long chains cannot overflow the stack): each component with
 * more than one measure, or a measure that depends on itself, is one cycle: its members'
 * positions in MEASURES, in file order, the cycles in the order of their first member.
 */
export function dependencyCycles(measures: MeasureModel[], byId: Map<string, MeasureModel[]>): number[][] {
  // Only a measure that depends on another can be in a cycle: the graph is theirs alone
  // (most measures of a large strategy depend on none), and MEASURES are those, in file order.
  if (measures.length === 0) return [];
  const index = new Map<MeasureModel, number>();
  measures.forEach((measure, position) => index.set(measure, position));
  const edges = measures.map((measure) =>
    (measure.dependsOn?.references ?? []).flatMap((reference) => {
      const target = byId.get(reference.id)?.[0];
      const position = target && index.get(target);
      return position !== undefined ? [position] : [];
    }),
  );
  const order = new Array<number>(measures.length).fill(-1);
  const low = new Array<number>(measures.length).fill(0);
  const onStack = new Array<boolean>(measures.length).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < measures.length; start++) {
    if (order[start] !== -1) continue;
    const work: Array<{ node: number; edge: number }> = [{ node: start, edge: 0 }];
    order[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.edge < edges[frame.node].length) {
        const next = edges[frame.node][frame.edge++];
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = true;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          low[frame.node] = Math.min(low[frame.node], order[next]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) low[work[work.length - 1].node] = Math.min(low[work[work.length - 1].node], low[frame.node]);
      if (low[frame.node] === order[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = false;
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && edges[member].includes(member);
        if (component.length > 1 || selfLoop) components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components.sort((a, b) => a[0] - b[0]);
}

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  severity: 'warning',
  description: 'Measures depend on each other in a cycle; one finding per cycle.',
  clause: '10.i',
  check({ model, report }) {
    // Derived from the graph: found again only when an edit changes an id or a dependency.
    const cycles = model.graph.derive('dependency cycles', () => dependencyCycles(model.dependents, model.measuresById));
    for (const positions of cycles) {
      const cycle = positions.map((position) => model.dependents[position]);
      const first = cycle[0];
      const ids = cycle.map((measure) => measure.id?.text ?? '(no id)');
      report({
        span: first.dependsOn!.keySpan,
        message:
          cycle.length === 1
            ? `The measure ${ids[0]} depends on itself. Remove ${ids[0]} from its depends-on.`
            : `The measures ${ids.join(', ')} depend on each other in a cycle, so none of them can start first. Break the cycle.`,
      });
    }
  },
};
