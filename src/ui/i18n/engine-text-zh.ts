// The Chinese for text that the engine and the optimizer library own as English data (engine-text.ts):
// scene titles and captions by scene id, rule formulas by rule name. Fetched with strings-zh.ts
// (translate.ts's loadLanguage), so that it is not part of the page's initial JavaScript.
import type { OptimizerName } from '../../optim/spec';

export interface SceneText {
  title: string;
  caption: [string, string];
}

export const ZH_SCENES: Record<string, SceneText> = {
  'fig1-mnist': {
    title: '图 1 — MNIST：Adam 对比 Sadam',
    caption: [
      'Adam 的逐权重步长（A-LR）跨越许多个数量级；Sadam 的 softplus 将其约束在一个区间内。',
      '连接始终为黑色的边缘像素的权重从未收到梯度：在 Adam 下，它们的 A-LR 停留在 1/ε = 10⁸。',
    ],
  },
  'eps-matters': {
    title: '是 ε 给 Adam 设了上限',
    caption: [
      '同一个 Adam，分别取 ε = 10⁻⁸ 与 ε = 10⁻³。',
      '最大的 A-LR 等于 1/ε：决定 Adam 上限的是 ε，而不是数据。',
    ],
  },
  'beta-sweep': {
    title: 'Softplus β：从类 SGD 到类 Adam',
    caption: [
      'Sadam 取 β = 1、10、50、100。',
      'β 小时 A-LR 趋于平坦，接近带动量的 SGD；β 大时它像 Adam 一样分散开（上限 β/ln 2）。',
    ],
  },
  'sadam-vs-samsgrad': {
    title: 'Sadam 对比 SAMSGrad',
    caption: [
      'SAMSGrad 在 softplus 之前先对 v 取历史最大值；这里 β2 = 0.99，v 大约 100 步就会遗忘。',
      '因此它的 A-LR 只会随时间减小；Sadam 的 A-LR 会在梯度变小后回升。',
    ],
  },
  'switch-adam-sadam': {
    title: '训练中途从 Adam 切换到 Sadam',
    caption: [
      '两组运行都以 Adam 开始；在第 150 步，右侧那组改为 Sadam（沿用相同的 m 和 v）。',
      '注意 softplus 接管的那一刻，它的 A-LR 范围骤然收窄。',
    ],
  },
  'mnist-cnn': {
    title: 'MNIST CNN（LeNet 风格）',
    caption: [
      '论文图 1a 的设置：一个小型卷积网络。',
      '在这里 Adam 的 A-LR 仍跨越 5 个以上数量级；Sadam 的 softplus 把它保持在 β/ln 2 以下。',
    ],
  },
  'charlm-sonnets': {
    title: '莎士比亚十四行诗上的字符级语言模型',
    caption: ['嵌入层 + GRU，预测下一个字符。', '罕见字符的嵌入行二阶矩极小：Adam 在那里的 A-LR 急剧升高。'],
  },
  'generalization-mnist': {
    title: '5 个种子上的泛化 — MNIST MLP',
    caption: [
      'Adam、Sadam、SAMSGrad 与 S-Momentum 采用论文的设置，权重衰减 5·10⁻⁴，训练约三个 epoch。',
      '每次运行同时在 5 个种子上训练；表格给出最终测试准确率和损失的均值 ± 标准差与范围，除非在每个种子上都胜出，否则不称赢家。',
    ],
  },
  'charlm-lstm': {
    title: '莎士比亚十四行诗上的字符级 LSTM',
    caption: [
      '嵌入层 + LSTM，与论文的语言实验相同；其权重按门（i、f、g、o）分块绘制。',
      '罕见字符的嵌入行二阶矩极小：Adam 在那里的 A-LR 急剧升高；Sadam 的保持在上限之内。',
    ],
  },
  rosenbrock: {
    title: 'Rosenbrock：Adam、Sadam 与 SGD-动量',
    caption: [
      '三个优化器从 (−1.5, 2) 出发，沿弯曲的山谷下降到 (1, 1)。',
      '山谷中的梯度很大，softplus_β(√v) ≈ √v：Adam 与 Sadam 走同一条路径；SGD-动量沿原始梯度前进，落在后面。',
    ],
  },
  quadratic: {
    title: '病态二次函数',
    caption: [
      '½(x² + 100y²)：两个坐标轴方向的曲率相差 100 倍。',
      '梯度很大，softplus_β(√v) ≈ √v：Adam 与 Sadam 走同一条路径；三者都到达最小值。',
    ],
  },
  beale: {
    title: '校准不起作用的情形：Beale 函数',
    caption: [
      '陡峭的峭壁，最小值位于 (3, 0.5)：梯度很大，因此 √v ≫ ln 2/β，softplus_β(√v) ≈ √v。',
      '于是 Sadam 的每一步与 Adam 完全相同，两条路径重合。校准只在梯度很小的地方起作用。',
    ],
  },
  saddle: {
    title: '逃离鞍点',
    caption: [
      '从几乎正好位于鞍点脊线上的 y = 0.001 出发。',
      'Adam 把微小的 y 方向梯度放大成完整的一步；Sadam 受限的 A-LR 逃离得更慢。',
    ],
  },
  'two-scales': {
    title: '两种梯度尺度：Adam 拉平，Sadam 不拉平',
    caption: [
      '½(x² + 0.001·y²)：y 方向的梯度比 x 方向小 1000 倍。',
      'Adam 用各坐标自己的 √v 去除，沿 y 下降得和 x 一样快；Sadam 的 y 方向 A-LR 不超过 β/ln 2 ≈ 14，y 几乎不动。',
    ],
  },
  plateau: {
    title: '梯度极小的平台',
    caption: [
      '远离 (1, 0.5) 处的凹坑，曲面几乎是平的：梯度约为 10⁻⁴。',
      'Adam 把它们放大成完整的 lr 大小的步长，穿过平台；Sadam 校准后的步长仍然很小，像 SGD 一样。',
    ],
  },
  'noisy-valley': {
    title: '平坦方向上的噪声',
    caption: [
      '一个沿 y 方向平坦的山谷，只在 y 方向有很小的零均值梯度噪声（σ = 10⁻³）：那里的平均梯度约为 0。',
      'Adam 用噪声自身的大小去除它，沿 y 以 lr 大小的步长随机游走；Sadam 抑制了噪声，停在谷底。',
    ],
  },
};

/** A 2-D race's title and caption, named after its data set. */
export const zhRaceText = (name: string): SceneText => ({
  title: `二维赛跑：${name}`,
  caption: [`Adam、Sadam 和 SGD-动量用同一个 MLP 学习${name}数据。`, '并排比较它们的决策边界和 A-LR 范围。'],
});

// By rule name (optim/rules.ts); rules whose formula is pure math have no entry and show it as it is.
export const ZH_FORMULAS: Partial<Record<OptimizerName, string>> = {
  amsgrad: 'A-LR = 1/(√v̂ + ε)，v̂ = 各步 v 的最大值',
  samsgrad: 'A-LR = 1/softplus_β(√v̂) ≤ β/ln 2，v̂ = 各步 v 的最大值',
  sgdm: 'A-LR = 1（各向同性）：x −= lr·m，m = β1·m + g',
  rmsprop: 'A-LR = 1/(√v + ε)，v = β2·v + (1−β2)·g²，无偏差校正',
  padam: 'A-LR = 1/(√v̂ + ε)^(2p)，默认 p = 1/8',
  adabound: 'A-LR = clip(lr_t/(√v + ε), η_l(t), η_u(t)) / lr_t，边界 → finalLr',
  amsbound: 'A-LR = clip(lr_t/(√v̂ + ε), η_l(t), η_u(t)) / lr_t，v̂ = v 的最大值',
  yogi: 'A-LR = 1/(√v + ε)，v −= (1−β2)·sign(v − g²)·g²（加性更新，而非乘性）',
  custom: 'A-LR = 1/φ(√v)，φ 为你自己写的 z 的公式',
};
