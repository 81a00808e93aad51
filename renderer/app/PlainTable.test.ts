import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Table, Tag } from 'antd';
import { describe, expect, it } from 'vitest';
import { PlainTable, usePlainTags, type PlainColumn } from './PlainTable';

interface Row {
  id: string;
  name: string;
  role: string;
}

const rows: Row[] = [
  { id: 'a', name: '陈志明', role: '党组织书记' },
  { id: 'b', name: '孙立华', role: '居民代表' },
];

function Tags() {
  const tags = usePlainTags();
  return createElement('span', null, [
    createElement('span', { key: 'r', className: tags.className('red') }, '党组织书记'),
    createElement('span', { key: 'd', className: tags.className() }, '党员'),
  ]);
}

describe('PlainTable', () => {
  it("draws the markup antd's Table draws for the same page (so antd's styles apply unchanged)", () => {
    for (const page of [rows, []])
      for (const loading of [false, true]) {
        const antd = renderToStaticMarkup(
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
        );
        const columns: PlainColumn<Row>[] = [
          { key: 'name', title: '姓名', width: 110, render: (r) => r.name },
          { key: 'role', title: '角色', render: (r) => r.role },
        ];
        const plain = renderToStaticMarkup(
          createElement(PlainTable<Row>, {
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

  it("gives plain spans antd Tag's classes, red or the default grey", () => {
    const antd = renderToStaticMarkup(
      createElement('span', null, [
        createElement(Tag, { key: 'r', color: 'red' }, '党组织书记'),
        createElement(Tag, { key: 'd' }, '党员'),
      ]),
    );
    // antd's red Tag also renders its preset-colour style component, which draws nothing.
    expect(renderToStaticMarkup(createElement(Tags))).toBe(antd);
  });
});
