// The baseline of opening the app: the same stack with one component of each library and no
// app — React, antd (ConfigProvider with zh_CN and a Table), Tiptap (an editor with StarterKit)
// and Dexie (one table read) — built with the app's Vite settings (startup.ts). It is "usable"
// when the bench's meetingListUsable says so of the app: an h1 会议 and a table with its rows or
// its empty placeholder.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, Table } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Dexie, { type Table as DexieTable } from 'dexie';

interface Row {
  id: string;
  title: string;
  date: string;
}

const db = new Dexie('bare-stack') as Dexie & { meetings: DexieTable<Row, string> };
db.version(1).stores({ meetings: 'id, date' });

function Page() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const editor = useEditor({ extensions: [StarterKit], content: '<p>纪要</p>', immediatelyRender: true });
  useEffect(() => {
    void db.meetings.orderBy('date').reverse().limit(20).toArray().then(setRows);
  }, []);
  return (
    <main>
      <h1>会议</h1>
      <Table<Row>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={[
          { title: '会议', dataIndex: 'title' },
          { title: '时间', dataIndex: 'date' },
        ]}
      />
      <EditorContent editor={editor} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <Page />
    </ConfigProvider>
  </StrictMode>,
);
