// Test catalogue: rows of Kế hoạch 1174/KH-UBND as the plan prints them (Phụ lục 01 indicators 1, 5,
// 11 and 16; Phụ lục 02 tasks 1 and 3), with the agencies that lead and monitor them. Small on
// purpose, so expectations can be counted by hand; the full catalogue is tested by its importer.
import type { Catalogue } from '../../../src/core/catalogue-types';
import { DEFAULT_SCHEME } from '../../../src/core/periods';

export const PLAN_ID = 'nghe-an-1174-2026';
export const SKHCN = 'so-khoa-hoc-va-cong-nghe';
export const SNV = 'so-noi-vu';
export const SYT = 'so-y-te';

const agencies = ['so-ban-nganh', 'he-thong-chinh-tri'];

export const testCatalogue: Catalogue = {
  planId: PLAN_ID,
  catalogueVersion: 1,
  document: {
    number: '1174/KH-UBND',
    issuedOn: '2025-12-31',
    issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
    title: 'Chuyển đổi số tỉnh Nghệ An năm 2026',
    planYear: 2026,
    province: 'Nghệ An',
  },
  indicatorGroups: [
    { id: 'I', title: 'Hạ tầng số' },
    { id: 'II', title: 'Nhận thức số, nhân lực số' },
  ],
  indicators: [
    {
      id: 'ct-01', no: 1, group: 'I', text: 'Tỷ lệ phủ sóng 5G trên địa bàn tỉnh', targetText: '≥ 70%',
      target: { kind: 'atLeast', value: 70, explicit: true }, leadText: 'Sở Khoa học và Công nghệ',
      lead: [{ kind: 'unit', unitId: SKHCN }], form: { kind: 'rate' }, formReason: 'one named lead unit',
      aggregation: { kind: 'singleSource' }, aggregationReason: 'one named lead unit',
      level: 'single', levelReason: 'one source', measure: 'stock', yearlyOnly: false, reporters: [{ kind: 'unit', unitId: SKHCN }],
    },
    {
      id: 'ct-05', no: 5, group: 'I',
      text: 'Tỷ lệ xã, phường có đài truyền thanh ứng dụng công nghệ thông tin - viễn thông kết nối với hệ thống thông tin nguồn, phủ sóng đến 100% thôn, bản',
      targetText: '70%', target: { kind: 'atLeast', value: 70, explicit: false }, leadText: 'UBND cấp xã',
      lead: [{ kind: 'class', classId: 'cap-xa' }], form: { kind: 'yesNo' }, formReason: 'Tỷ lệ xã, phường có …',
      aggregation: { kind: 'shareYes' }, aggregationReason: 'communes answering Có ÷ all communes',
      level: 'province', levelReason: '70% of communes', measure: 'stock', yearlyOnly: false, reporters: [{ kind: 'class', classId: 'cap-xa' }],
    },
    {
      id: 'ct-11', no: 11, group: 'I',
      text: 'Xây dựng Trung tâm giám sát, điều hành thông minh tỉnh Nghệ An (IOC); sẵn sàng kết nối với các Trung tâm IOC/OC cấp xã',
      targetText: 'Hoàn thành', target: { kind: 'complete' }, leadText: 'Sở Khoa học và Công nghệ',
      lead: [{ kind: 'unit', unitId: SKHCN }], form: { kind: 'status' }, formReason: 'a completion target',
      aggregation: { kind: 'singleSource' }, aggregationReason: 'one named lead unit',
      level: 'single', levelReason: 'one source', measure: 'stock', yearlyOnly: false, reporters: [{ kind: 'unit', unitId: SKHCN }],
    },
    {
      id: 'ct-16', no: 16, group: 'II',
      text: 'Tỷ lệ cán bộ, công chức, viên chức trong các cơ quan, tổ chức được đào tạo, tập huấn, bồi dưỡng và nắm rõ kiến thức, kỹ năng cơ bản về chuyển đổi số và an toàn thông tin',
      targetText: '100%', target: { kind: 'atLeast', value: 100, explicit: false },
      leadText: 'Các cơ quan, tổ chức trong hệ thống chính trị', lead: [{ kind: 'class', classId: 'he-thong-chinh-tri' }],
      form: { kind: 'countPair', numeratorLabel: 'Số được đào tạo', denominatorLabel: 'Tổng số' }, formReason: 'Tỷ lệ cán bộ …',
      aggregation: { kind: 'ratioOfSums' }, aggregationReason: 'Σ numerators ÷ Σ denominators',
      level: 'unit', levelReason: '100% of each unit', measure: 'stock', yearlyOnly: false, reporters: [{ kind: 'class', classId: 'he-thong-chinh-tri' }],
    },
  ],
  taskGroups: [{ id: 'I', title: 'Công tác lãnh đạo, chỉ đạo', subgroups: [] }],
  tasks: [
    {
      id: 'nv-01', no: 1, group: 'I', subgroup: null,
      text: 'Kiện toàn bộ máy tổ chức thực hiện với yêu cầu người đứng đầu chịu trách nhiệm toàn diện đối với nhiệm vụ chuyển đổi số của cơ quan, đơn vị',
      leadText: 'Các Sở, ban, ngành; các địa phương', lead: [{ kind: 'class', classId: 'so-ban-nganh' }, { kind: 'class', classId: 'cap-xa' }],
      monitorText: 'Sở Nội vụ', monitor: [{ kind: 'unit', unitId: SNV }], deadlineText: 'Quý I/2026', deadline: { kind: 'quarter', year: 2026, quarter: 1 },
    },
    {
      id: 'nv-03', no: 3, group: 'I', subgroup: null,
      text: 'Ban hành quy chế hoạt động, phân công nhiệm vụ cụ thể, chương trình công tác năm của đơn vị trên cơ sở kế hoạch chuyển đổi số của tỉnh',
      leadText: 'Các Sở, ban, ngành; các địa phương', lead: [{ kind: 'class', classId: 'so-ban-nganh' }, { kind: 'class', classId: 'cap-xa' }],
      monitorText: 'Sở Khoa học và Công nghệ', monitor: [{ kind: 'unit', unitId: SKHCN }], deadlineText: 'Quý I/2026', deadline: { kind: 'quarter', year: 2026, quarter: 1 },
    },
  ],
  unitClasses: [
    { id: 'cap-xa', label: 'UBND cấp xã' },
    { id: 'so-ban-nganh', label: 'Các sở, ban, ngành' },
    { id: 'he-thong-chinh-tri', label: 'Các cơ quan, tổ chức trong hệ thống chính trị', includes: ['so-ban-nganh', 'cap-xa'] },
  ],
  units: [
    { id: SKHCN, name: 'Sở Khoa học và Công nghệ', classes: agencies, level: 'province' },
    { id: SNV, name: 'Sở Nội vụ', classes: agencies, level: 'province' },
    { id: SYT, name: 'Sở Y tế', classes: agencies, level: 'province' },
  ],
  // As the plan says in "Tổ chức thực hiện": reports go to Sở KH&CN, which consolidates them.
  coordinator: SKHCN,
  reportingScheme: DEFAULT_SCHEME,
  unread: [],
};

/** Communes and wards as the administrator's CSV lists them. */
export const COMMUNES_CSV = [
  'id,name,level,classes',
  'phuong-vinh-hung,Phường Vinh Hưng,phường,cap-xa',
  'phuong-truong-vinh,Phường Trường Vinh,phường,cap-xa',
  'xa-dien-chau,Xã Diễn Châu,xã,cap-xa',
].join('\n');

export const COMMUNES = ['phuong-vinh-hung', 'phuong-truong-vinh', 'xa-dien-chau'];
