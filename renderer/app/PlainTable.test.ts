import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// antd's ES modules, as the app's build resolves 'antd'.
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allResources } from '../i18n';
import { PlainTable, plainTagClass, type PlainColumn } from './PlainTable';
import { inTheme } from './plain/inTheme';

interface Row {
  id: string;
  name: string;
  role: string;
}

const rows: Row[] = [
  { id: 'a', name: '陈志明', role: '党组织书记' },
  { id: 'b', name: '孙立华', role: '居民代表' },
];

const COLORS = [
  undefined,
  'default',
  'processing',
  'success',
  'red',
  'gold',
  'volcano',
  'orange',
  'blue',
  'green',
  'purple',
  'geekblue',
  'cyan',
] as const;

function Tags() {
  return createElement(
    'span',
    null,
    COLORS.map((c) => createElement('span', { key: c ?? 'none', className: plainTagClass(c) }, c ?? '无')),
  );
}

// The pager's titles: antd's Table draws in its default English here.
beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ resources: allResources(), lng: 'en', interpolation: { escapeValue: false } });
});

// The files share one i18next (vitest.config.ts, isolate: false): leave it in Chinese.
afterAll(() => i18next.changeLanguage('zh-CN'));

describe('PlainTable', () => {
  it("draws the markup antd's Table draws for the same page (so antd's styles apply unchanged)", () => {
    for (const page of [rows, []])
      for (const loading of [false, true]) {
        const antd = renderToStaticMarkup(
          inTheme(
            createElement(Table<Row>, {
              rowKey: 'id',
              dataSource: page,
              size: 'middle',
              pagination: false,
              loading,
              locale: { emptyText: '没有找到符合条件的人员。' },
              columns: [
                { title: '姓名', dataIndex: 'name', width: 110 },
                { title: '角色', dataIndex: 'role' },
              ],
            }),
          ),
        );
        const columns: PlainColumn<Row>[] = [
          { key: 'name', title: '姓名', width: 110, render: (r) => r.name },
          { key: 'role', title: '角色', render: (r) => r.role },
        ];
        const plain = renderToStaticMarkup(
          createElement(PlainTable<Row>, {
            size: 'middle',
            rowKey: (r) => r.id,
            rows: page,
            loading,
            columns,
            emptyText: '没有找到符合条件的人员。',
          }),
        );
        // The one class of ours, which the hover rule hangs on (antd marks hovered rows from script).
        expect(plain.replace(' yishi-page-table', '')).toBe(antd);
      }
  });

  it("draws antd's small and default-size Table with its pager, shares of the width and row classes", () => {
    for (const size of ['small', undefined] as const) {
      const onChange = () => undefined;
      const pager = { current: 2, pageSize: 2, total: 7, onChange, hideOnSinglePage: true, showSizeChanger: false };
      const antd = renderToStaticMarkup(
        inTheme(
          createElement(Table<Row>, {
            rowKey: 'id',
            dataSource: rows,
            ...(size ? { size } : {}),
            pagination: pager,
            locale: { emptyText: '暂无' },
            rowClassName: (r) => (r.id === 'b' ? 'yishi-followup-overdue' : ''),
            columns: [
              { title: '姓名', key: 'name', width: '20%', render: (_, r) => r.name },
              { title: '角色', key: 'role', render: (_, r) => r.role },
            ],
          }),
        ),
      );
      const plain = renderToStaticMarkup(
        createElement(PlainTable<Row>, {
          rowKey: (r) => r.id,
          rows,
          ...(size ? { size } : {}),
          pagination: pager,
          emptyText: '暂无',
          rowClassName: (r) => (r.id === 'b' ? 'yishi-followup-overdue' : ''),
          columns: [
            { key: 'name', title: '姓名', width: '20%', render: (r) => r.name },
            { key: 'role', title: '角色', render: (r) => r.role },
          ],
        }),
      );
      expect(plain.replace(' yishi-page-table', '')).toBe(antd);
    }
  });

  it("draws antd's sideways-scrolling Table (scroll x max-content) with a class of the screen's own", () => {
    for (const page of [rows, []]) {
      const antd = renderToStaticMarkup(
        inTheme(
          createElement(Table<Row>, {
            rowKey: 'id',
            dataSource: page,
            className: 'yishi-matters-table',
            scroll: { x: 'max-content' },
            pagination: false,
            locale: { emptyText: '暂无' },
            columns: [
              { title: '事项', key: 'name', render: (_, r) => r.name },
              { title: '阶段', key: 'role', width: 150, render: (_, r) => r.role },
            ],
          }),
        ),
      );
      const plain = renderToStaticMarkup(
        createElement(PlainTable<Row>, {
          rowKey: (r) => r.id,
          rows: page,
          className: 'yishi-matters-table',
          scrollX: 'max-content',
          emptyText: '暂无',
          columns: [
            { key: 'name', title: '事项', render: (r) => r.name },
            { key: 'role', title: '阶段', width: 150, render: (r) => r.role },
          ],
        }),
      );
      // antd measures its columns' widths in a row of no height: nothing of it is seen.
      const seen = antd.replace(/<tr aria-hidden="true" class="ant-table-measure-row".*?<\/tr>/, '');
      expect(seen).toContain('ant-table-scroll-horizontal');
      expect(plain.replace(' yishi-page-table', '')).toBe(seen);
    }
  });

  it("gives plain spans antd Tag's classes in each colour used", () => {
    const antd = renderToStaticMarkup(
      inTheme(
        createElement(
          'span',
          null,
          COLORS.map((c) => createElement(Tag, { key: c ?? 'none', ...(c ? { color: c } : {}) }, c ?? '无')),
        ),
      ),
    );
    // antd's coloured Tags also render their colour style components, which draw nothing.
    expect(renderToStaticMarkup(createElement(Tags))).toBe(antd);
  });
});
