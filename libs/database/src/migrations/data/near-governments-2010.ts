/**
 * The foundation migration's own data, frozen as it was when that migration first ran: the 70 members and
 * 5 observers of NEAR as listed in its Korean brochure of c. 2010. A migration never imports live code or
 * data; a later change to the registry is a new migration.
 *
 * nameEn is the English name NEAR uses; nameLocal is the official name in the government's own
 * language and script as of the brochure's time (e.g. 전라북도, 강원도 before their 2023/2024 renaming).
 * memberSince is null throughout: the brochure gives no exact admission day for any of these.
 */

export interface SeedGovernment {
  nameEn: string;
  nameLocal: string;
  country: 'CN' | 'JP' | 'KR' | 'KP' | 'MN' | 'RU';
  level: 'regional';
  kind: string;
  status: 'member' | 'observer';
  memberSince: string | null;
}

// A data table: one government per line reads and reviews better than wrapped objects, so Prettier leaves it as is.
// prettier-ignore
export const NEAR_GOVERNMENTS_2010: readonly SeedGovernment[] = [
  // China: 6 members, 4 observers
  { nameEn: 'Heilongjiang', nameLocal: '黑龙江省', country: 'CN', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Henan', nameLocal: '河南省', country: 'CN', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Hubei', nameLocal: '湖北省', country: 'CN', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Hunan', nameLocal: '湖南省', country: 'CN', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Ningxia Hui Autonomous Region', nameLocal: '宁夏回族自治区', country: 'CN', level: 'regional', kind: 'Autonomous Region', status: 'member', memberSince: null },
  { nameEn: 'Shandong', nameLocal: '山东省', country: 'CN', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Tianjin', nameLocal: '天津市', country: 'CN', level: 'regional', kind: 'Municipality', status: 'observer', memberSince: null },
  { nameEn: 'Shanxi', nameLocal: '山西省', country: 'CN', level: 'regional', kind: 'Province', status: 'observer', memberSince: null },
  { nameEn: 'Shaanxi', nameLocal: '陕西省', country: 'CN', level: 'regional', kind: 'Province', status: 'observer', memberSince: null },
  { nameEn: 'Liaoning', nameLocal: '辽宁省', country: 'CN', level: 'regional', kind: 'Province', status: 'observer', memberSince: null },

  // Japan: 10 members, 1 observer
  { nameEn: 'Aomori', nameLocal: '青森県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Yamagata', nameLocal: '山形県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Niigata', nameLocal: '新潟県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Toyama', nameLocal: '富山県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Ishikawa', nameLocal: '石川県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Fukui', nameLocal: '福井県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Kyoto', nameLocal: '京都府', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Hyogo', nameLocal: '兵庫県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Tottori', nameLocal: '鳥取県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Shimane', nameLocal: '島根県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'member', memberSince: null },
  { nameEn: 'Yamaguchi', nameLocal: '山口県', country: 'JP', level: 'regional', kind: 'Prefecture', status: 'observer', memberSince: null },

  // Korea (Republic of): 15 members
  { nameEn: 'Busan', nameLocal: '부산광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Daegu', nameLocal: '대구광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Incheon', nameLocal: '인천광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Gwangju', nameLocal: '광주광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Daejeon', nameLocal: '대전광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Ulsan', nameLocal: '울산광역시', country: 'KR', level: 'regional', kind: 'Metropolitan City', status: 'member', memberSince: null },
  { nameEn: 'Gyeonggi-do', nameLocal: '경기도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Gangwon-do', nameLocal: '강원도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Chungcheongbuk-do', nameLocal: '충청북도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Chungcheongnam-do', nameLocal: '충청남도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Jeollabuk-do', nameLocal: '전라북도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Jeollanam-do', nameLocal: '전라남도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Gyeongsangbuk-do', nameLocal: '경상북도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Gyeongsangnam-do', nameLocal: '경상남도', country: 'KR', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Jeju Special Self-Governing Province', nameLocal: '제주특별자치도', country: 'KR', level: 'regional', kind: 'Special Self-Governing Province', status: 'member', memberSince: null },

  // DPRK: 2 members (admitted by the 4th General Assembly, 2002-09; exact day not stated)
  { nameEn: 'Hamgyongbuk-do', nameLocal: '함경북도', country: 'KP', level: 'regional', kind: 'Province', status: 'member', memberSince: null },
  { nameEn: 'Rason Special City', nameLocal: '라선특별시', country: 'KP', level: 'regional', kind: 'Special City', status: 'member', memberSince: null },

  // Mongolia: 22 members (the capital and 21 aimags)
  { nameEn: 'Ulaanbaatar City', nameLocal: 'Улаанбаатар хот', country: 'MN', level: 'regional', kind: 'Capital City', status: 'member', memberSince: null },
  { nameEn: 'Arkhangai', nameLocal: 'Архангай аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Bayan-Ölgii', nameLocal: 'Баян-Өлгий аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Bayankhongor', nameLocal: 'Баянхонгор аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Bulgan', nameLocal: 'Булган аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Govi-Altai', nameLocal: 'Говь-Алтай аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Govisümber', nameLocal: 'Говьсүмбэр аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Darkhan-Uul', nameLocal: 'Дархан-Уул аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Dornod', nameLocal: 'Дорнод аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Dornogovi', nameLocal: 'Дорноговь аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Dundgovi', nameLocal: 'Дундговь аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Zavkhan', nameLocal: 'Завхан аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Orkhon', nameLocal: 'Орхон аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Övörkhangai', nameLocal: 'Өвөрхангай аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Ömnögovi', nameLocal: 'Өмнөговь аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Sükhbaatar', nameLocal: 'Сүхбаатар аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Selenge', nameLocal: 'Сэлэнгэ аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Töv', nameLocal: 'Төв аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Uvs', nameLocal: 'Увс аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Khovd', nameLocal: 'Ховд аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Khövsgöl', nameLocal: 'Хөвсгөл аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },
  { nameEn: 'Khentii', nameLocal: 'Хэнтий аймаг', country: 'MN', level: 'regional', kind: 'Aimag', status: 'member', memberSince: null },

  // Russia: 15 members
  { nameEn: 'Republic of Buryatia', nameLocal: 'Республика Бурятия', country: 'RU', level: 'regional', kind: 'Republic', status: 'member', memberSince: null },
  { nameEn: 'Sakha (Yakutia) Republic', nameLocal: 'Республика Саха (Якутия)', country: 'RU', level: 'regional', kind: 'Republic', status: 'member', memberSince: null },
  { nameEn: 'Tuva Republic', nameLocal: 'Республика Тыва', country: 'RU', level: 'regional', kind: 'Republic', status: 'member', memberSince: null },
  { nameEn: 'Altai Krai', nameLocal: 'Алтайский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Zabaykalsky Krai', nameLocal: 'Забайкальский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Krasnoyarsk Krai', nameLocal: 'Красноярский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Primorsky Krai', nameLocal: 'Приморский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Khabarovsk Krai', nameLocal: 'Хабаровский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Amur Oblast', nameLocal: 'Амурская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
  { nameEn: 'Irkutsk Oblast', nameLocal: 'Иркутская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
  { nameEn: 'Kamchatka Krai', nameLocal: 'Камчатский край', country: 'RU', level: 'regional', kind: 'Krai', status: 'member', memberSince: null },
  { nameEn: 'Magadan Oblast', nameLocal: 'Магаданская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
  { nameEn: 'Sakhalin Oblast', nameLocal: 'Сахалинская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
  { nameEn: 'Tomsk Oblast', nameLocal: 'Томская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
  { nameEn: 'Kemerovo Oblast', nameLocal: 'Кемеровская область', country: 'RU', level: 'regional', kind: 'Oblast', status: 'member', memberSince: null },
];
