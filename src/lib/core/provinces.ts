/** Provincial-level divisions of mainland China: Chinese name, English name, and the first two adcode digits. */
export const PROVINCES = [
  { zh: '北京市', en: 'Beijing', code: '11' },
  { zh: '天津市', en: 'Tianjin', code: '12' },
  { zh: '河北省', en: 'Hebei', code: '13' },
  { zh: '山西省', en: 'Shanxi', code: '14' },
  { zh: '内蒙古自治区', en: 'Inner Mongolia', code: '15' },
  { zh: '辽宁省', en: 'Liaoning', code: '21' },
  { zh: '吉林省', en: 'Jilin', code: '22' },
  { zh: '黑龙江省', en: 'Heilongjiang', code: '23' },
  { zh: '上海市', en: 'Shanghai', code: '31' },
  { zh: '江苏省', en: 'Jiangsu', code: '32' },
  { zh: '浙江省', en: 'Zhejiang', code: '33' },
  { zh: '安徽省', en: 'Anhui', code: '34' },
  { zh: '福建省', en: 'Fujian', code: '35' },
  { zh: '江西省', en: 'Jiangxi', code: '36' },
  { zh: '山东省', en: 'Shandong', code: '37' },
  { zh: '河南省', en: 'Henan', code: '41' },
  { zh: '湖北省', en: 'Hubei', code: '42' },
  { zh: '湖南省', en: 'Hunan', code: '43' },
  { zh: '广东省', en: 'Guangdong', code: '44' },
  { zh: '广西壮族自治区', en: 'Guangxi', code: '45' },
  { zh: '海南省', en: 'Hainan', code: '46' },
  { zh: '重庆市', en: 'Chongqing', code: '50' },
  { zh: '四川省', en: 'Sichuan', code: '51' },
  { zh: '贵州省', en: 'Guizhou', code: '52' },
  { zh: '云南省', en: 'Yunnan', code: '53' },
  { zh: '西藏自治区', en: 'Tibet', code: '54' },
  { zh: '陕西省', en: 'Shaanxi', code: '61' },
  { zh: '甘肃省', en: 'Gansu', code: '62' },
  { zh: '青海省', en: 'Qinghai', code: '63' },
  { zh: '宁夏回族自治区', en: 'Ningxia', code: '64' },
  { zh: '新疆维吾尔自治区', en: 'Xinjiang', code: '65' },
] as const;

export function findProvince(zh: string) {
  return PROVINCES.find((p) => p.zh === zh);
}
