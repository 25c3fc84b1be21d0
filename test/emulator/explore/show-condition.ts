import type { Condition } from '../../../emulator/explore/condition.js';

/** A condition tree written out with explicit parentheses, to assert on grouping. */
export function showCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const [left, right] = [showCondition(condition.left), showCondition(condition.right)];
      return `(${left} ${condition.kind.toUpperCase()} ${right})`;
    }
    case 'not':
      return `NOT ${showCondition(condition.operand)}`;
    case 'compare': {
      const values = condition.values.map((literal) => JSON.stringify(literal.value)).join(',');
      return `${condition.field} ${condition.operator}${values === '' ? '' : ` ${values}`}`;
    }
  }
}
