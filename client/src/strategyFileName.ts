/** The name of a new strategy file. Pure. */
import { DEFAULT_STRATEGY_FILE } from '../../server/src/protocol';

/** `national.strategy.yaml`, `national-2.strategy.yaml`, … */
export function candidateName(index: number, base = DEFAULT_STRATEGY_FILE): string {
  if (index <= 1) return base;
  const match = /^(.*?)(\.strategy\.ya?ml)$/.exec(base);
  return match ? `${match[1]}-${index}${match[2]}` : `${base}-${index}`;
}
