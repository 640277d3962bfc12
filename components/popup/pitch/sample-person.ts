import type { Language } from '@/utils/i18n/translate';
import type { PitchContext } from '@/utils/pipelines/pitch';

/** Who a template is previewed with while the pipeline has no one in it. */
export function samplePerson(lang: Language): Omit<PitchContext, 'pipeline' | 'myName'> {
  return lang === 'zh-CN'
    ? { person: { name: '张伟', headline: '字节跳动 · 算法工程师', companyName: '字节跳动' }, entry: { stageId: '', referrer: '李娜' } }
    : { person: { name: 'Jane Doe', headline: 'Senior Engineer at Acme', companyName: 'Acme' }, entry: { stageId: '', referrer: 'Li Wei' } };
}
