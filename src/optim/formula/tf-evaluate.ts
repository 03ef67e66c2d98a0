// φ(z) as tf ops, from the parsed tree (no eval, no Function). Subtrees without z are folded to one
// float64 number first, so that e.g. 1 − 0.999 or a parameter product is exact before it becomes
// float32. Callers run this inside tf.tidy.

import * as tf from '@tensorflow/tfjs-core';
import { evaluatePhi } from './evaluate';
import type { FormulaNode, ParsedFormula } from './parse';

type Value = number | tf.Tensor;

function dependsOnZ(node: FormulaNode): boolean {
  switch (node.kind) {
    case 'z':
      return true;
    case 'neg':
    case 'softplus':
      return dependsOnZ(node.arg);
    case 'bin':
      return dependsOnZ(node.left) || dependsOnZ(node.right);
    case 'call':
      return node.args.some(dependsOnZ);
    default:
      return false;
  }
}

function build(node: FormulaNode, z: tf.Tensor, parsed: ParsedFormula): Value {
  if (!dependsOnZ(node)) return evaluatePhi({ ...parsed, tree: node }, 0);
  switch (node.kind) {
    case 'z':
      return z;
    case 'neg':
      return tf.neg(build(node.arg, z, parsed) as tf.Tensor);
    case 'softplus': {
      const x = build(node.arg, z, parsed) as tf.Tensor;
      return tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
    }
    case 'bin': {
      const a = build(node.left, z, parsed);
      const b = build(node.right, z, parsed);
      const ta = typeof a === 'number' ? tf.scalar(a) : a;
      switch (node.op) {
        case '+':
          return tf.add(ta, b);
        case '-':
          return tf.sub(ta, b);
        case '*':
          return tf.mul(ta, b);
        case '/':
          return tf.div(ta, b);
        default:
          return tf.pow(ta, b);
      }
    }
    case 'call': {
      const [a, b = 0] = node.args.map((arg) => build(arg, z, parsed));
      const ta = typeof a === 'number' ? tf.scalar(a) : (a as tf.Tensor);
      switch (node.fn) {
        case 'exp':
          return tf.exp(ta);
        case 'log':
          return tf.log(ta);
        case 'log1p':
          return tf.log1p(ta);
        case 'sqrt':
          return tf.sqrt(ta);
        case 'abs':
          return tf.abs(ta);
        case 'min':
          return tf.minimum(ta, b);
        default:
          return tf.maximum(ta, b);
      }
    }
    default:
      throw new Error(`φ formula: unexpected node ${node.kind}`);
  }
}

/** φ(z) elementwise, a float32 tensor shaped like z (a φ without z is broadcast). Call inside tf.tidy. */
export function phiTensor(parsed: ParsedFormula, z: tf.Tensor): tf.Tensor {
  const out = build(parsed.tree, z, parsed);
  return typeof out === 'number' ? tf.fill(z.shape, out) : out;
}
