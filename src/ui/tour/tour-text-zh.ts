// 导览的简体中文文本：与 TOUR_TEXT 结构相同（类型保证每一步都有译文）。
import type { TOUR_TEXT, TourStepText } from './tour-steps';

type TourTable = {
  [K in keyof typeof TOUR_TEXT]: K extends 'steps'
    ? Record<keyof (typeof TOUR_TEXT)['steps'], TourStepText>
    : K extends 'stepOf'
      ? (n: number, total: number) => string
      : string;
};

export const TOUR_TEXT_ZH: TourTable = {
  start: '开始导览',
  startTitle: '用实时运行的应用讲解论文的论点（← → 切换，Esc 关闭）',
  stepOf: (n, total) => `第 ${n} 步，共 ${total} 步`,
  lookLabel: '请看：',
  back: '← 上一步',
  next: '下一步 →',
  finish: '完成',
  close: '关闭导览',
  steps: {
    spread: {
      title: 'Adam 的步长跨越多个数量级',
      caption:
        '这是论文图 1 的设置：一个小网络学习 MNIST，左边是 Adam，右边是 Sadam，二者从相同的初始权重出发、使用相同的批次。' +
        'Adam 把每个权重的步长除以 √v + ε，因此每个权重都有自己的自适应学习率 A-LR = 1/(√v + ε)——在同一个网络中，它们相差许多个数量级。',
      look: 'Adam 的 A-LR 最大/最小比读数（以 10 的幂表示）。',
    },
    border: {
      title: '最大的 A-LR 在哪里',
      caption:
        '每个 28×28 的小图是一个隐藏单元的输入权重，按 A-LR 以对数色标着色。MNIST 边缘的许多像素在每张图里都是黑的，' +
        '它们连接的权重从来得不到梯度：v 始终为 0，Adam 的 A-LR 恰好停在 1/ε = 10⁸。',
      look: 'Adam 第一层各小图周围的亮框。',
    },
    eps: {
      title: '上限由 ε 决定',
      caption:
        '同一个 Adam 运行两次：ε = 10⁻⁸（左）和 ε = 10⁻³（右）。因为 √v ≥ 0，任何 A-LR 都不会超过 1/ε，' +
        '没有梯度的权重正好停在这个上限：左边 10⁸，右边 10³。一个本来只为避免除以零的常数，决定了 Adam 的 A-LR 能有多大。',
      look: 'ε = 10⁻³ 这一组的 A-LR 上限和范围，与 ε = 10⁻⁸ 的对比。',
    },
    softplus: {
      title: 'softplus 用 β 校准它',
      caption:
        'Sadam 把 √v + ε 换成 softplus_β(√v) = ln(1 + e^(β√v))/β。√v 大时 softplus 跟随 √v，与 Adam 相同；' +
        '√v → 0 时它停在 ln 2/β 而不是降到 ε，所以 A-LR 永远不会超过 β/ln 2（论文的 β = 50 时约为 72）。',
      look: '每组运行的 φ(z)：Adam 的对角线 z + ε 对比 Sadam 的 softplus（在 ln 2/β 处趋平）；加粗的一段和右侧的色带是各组权重所在的位置。',
    },
    beta: {
      title: 'β：从 SGD 动量到 Adam',
      caption:
        '四组 Sadam，β = 1、10、50、100：上限 β/ln 2 约为 1.4、14、72 和 144。β 小时下限起主导，每个权重的 A-LR 几乎相同，' +
        'Sadam 的行为像带动量的 SGD；β 增大时 A-LR 越来越分散，β → ∞ 时就回到 ε = 0 的 Adam。',
      look: 'A-LR 最大/最小比读数，从 β = 1（已框出）到 β = 100。',
    },
    switch: {
      title: '同样的矩估计，校准后的分母',
      caption:
        '两组都从 Adam 开始；第 150 步时右边一组变为 Sadam（lr 10⁻²，β = 50），并保留它的 m 和 v。' +
        '只有分母改变，它的 A-LR 范围上端立即从 1/ε = 10⁸ 降到 β/ln 2 ≈ 72 以下。',
      look: '右边一组在第 150 步前后的图 1 图表。',
    },
    sideBySide: {
      title: 'Sadam 与 Adam 并排',
      caption:
        '回到论文设置下的图 1：Adam 的 lr 为 10⁻³、ε = 10⁻⁸，Sadam 的 lr 为 10⁻²、β = 50。两个面板共用一个色标和一条 A-LR 坐标轴：' +
        'Sadam 的 A-LR 都低于 72，小图上没有亮框；而 Adam 的 A-LR 跨越多得多的数量级。',
      look: 'Sadam 的面板——读数、小图和图 1 图表——与 Adam 的对比。',
    },
    training: {
      title: '训练有什么不同',
      caption:
        '两组的损失和准确率，起点相同、批次相同。在论文的实验中，校准后的 Sadam 和 SAMSGrad 训练得与 Adam 一样好或更好，' +
        '泛化能力至少相当。这里看到的是一个小网络的一个随机种子：是演示，不是证明。',
      look: 'Adam 与 Sadam 的损失曲线和准确率曲线。',
    },
  },
};
