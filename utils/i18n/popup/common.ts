/** Strings every popup view shares. English is the reference; zh-CN must define the same keys. */
export const en = {
  'popup.tab.bank': 'Talent bank',
  'popup.tab.pipelines': 'Pipelines',
  'popup.tab.data': 'Import & export',
  'popup.openTab': 'Open Scoutbook in a tab',
  'popup.search.placeholder': 'Search name, headline, company, tags, notes',
  'popup.search.label': 'Search the talent bank',
  'popup.exportCsv': 'Export CSV',
  'popup.exportFailed': 'Export failed: {reason}',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'popup.tab.bank': '人才库',
  'popup.tab.pipelines': '流程',
  'popup.tab.data': '导入与导出',
  'popup.openTab': '在标签页中打开 Scoutbook',
  'popup.search.placeholder': '搜索姓名、职位、公司、标签、笔记',
  'popup.search.label': '搜索人才库',
  'popup.exportCsv': '导出 CSV',
  'popup.exportFailed': '导出失败：{reason}',
};
