// The tray menu's words in the app's language (Settings → Language), like the windows'.
import type { Mode, Settings } from '../../app/ipc.js';

export interface TrayLabels {
  capture: string;
  clipboard: string;
  mode: string;
  modes: Record<Mode, string>;
  history: string;
  settings: string;
  quit: string;
  quotaChecking: string;
  quota: (used: number, left: number) => string;
  quotaUnknown: (why: string) => string;
  noAnswer: string;
}

const english: TrayLabels = {
  capture: 'Capture region',
  clipboard: 'Recognize clipboard image',
  mode: 'Mode',
  modes: { text: 'Text', vertical: 'Vertical text', table: 'Table', formula: 'Formula' },
  history: 'History…',
  settings: 'Settings…',
  quit: 'Quit OCR Assistant',
  quotaChecking: 'Quota: checking…',
  quota: (used, left) => `Used today ${used} · Left ${left}`,
  quotaUnknown: (why) => `Quota unknown: ${why}`,
  noAnswer: 'no answer',
};

const simplifiedChinese: TrayLabels = {
  capture: '截取区域',
  clipboard: '识别剪贴板图片',
  mode: '模式',
  modes: { text: '文字', vertical: '竖排文字', table: '表格', formula: '公式' },
  history: '历史记录…',
  settings: '设置…',
  quit: '退出 OCR Assistant',
  quotaChecking: '额度：正在查询…',
  quota: (used, left) => `今日已用 ${used} · 剩余 ${left}`,
  quotaUnknown: (why) => `额度未知：${why}`,
  noAnswer: '没有应答',
};

export function trayLabels(language: Settings['language']): TrayLabels {
  return language === 'zh-CN' ? simplifiedChinese : english;
}
