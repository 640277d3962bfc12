/** The kanban board. */
export const en = {
  'board.pipeline': 'Pipeline',
  'board.noPipelines': 'No pipelines yet.',
  'board.empty': 'No one in {pipeline} yet. Select people in the talent bank and choose “Add to pipeline”, or pick a stage on the Scoutbook card of a profile.',
  'board.emptySales': 'No accounts in {pipeline} yet. Open a company page on LinkedIn or Maimai and add it to this pipeline from the Scoutbook card.',
  'board.account': 'Account',
  'board.cardTitle': 'Drag to another stage, or press Alt+← / Alt+→',
  'board.moved': '{name} moved to {stage}',
  'board.more': 'Show {count} more of {rest}',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'board.pipeline': '流程',
  'board.noPipelines': '还没有流程。',
  'board.empty': '「{pipeline}」里还没有人。在人才库中选中候选人，点“加入流程”；或在个人主页的 Scoutbook 卡片上选择阶段。',
  'board.emptySales': '「{pipeline}」里还没有客户。在领英或脉脉上打开一个公司主页，用 Scoutbook 卡片把它加入这个流程。',
  'board.account': '客户',
  'board.cardTitle': '拖到其他阶段，或按 Alt+← / Alt+→',
  'board.moved': '{name} 已移到「{stage}」',
  'board.more': '再显示 {count} 个（共剩 {rest} 个）',
};
