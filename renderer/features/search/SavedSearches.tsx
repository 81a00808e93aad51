import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { CloseOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  SAVED_SEARCHES_MAX,
  SAVED_SEARCH_NAME_MAX,
  SAVED_SEARCH_QUERY_MAX,
  withSavedSearch,
  type SavedSearch,
} from '../../../shared/search/savedSearch';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../i18n/errorText';
import type { SearchView } from './searchParams';
import './messages';

/**
 * 保存搜索: the searches kept in the settings (this computer's), each a button that runs it again
 * with a small × beside it to delete it; and the button that saves the search on screen under a
 * name. Written through updateSettings: read, merge and write in one transaction.
 */
export function SavedSearches({ current, onOpen }: { current: SearchView; onOpen: (view: SearchView) => void }) {
  const { t } = useTranslation('search');
  const { settings, updateSettings } = useApp();
  const { message } = App.useApp();
  const [naming, setNaming] = useState(false);
  const list = settings.savedSearches ?? [];

  async function store(next: SavedSearch[], done: string) {
    try {
      await updateSettings({ savedSearches: next });
      void message.success(done);
    } catch (error) {
      void message.error(errorText(t, error));
    }
  }

  function startSaving() {
    const query = current.query.trim();
    if (!query) return void message.warning(t('saved.queryRequired'));
    if (query.length > SAVED_SEARCH_QUERY_MAX)
      return void message.warning(t('saved.queryTooLong', { max: SAVED_SEARCH_QUERY_MAX }));
    setNaming(true);
  }

  return (
    <div className="yishi-search-saved">
      <Space wrap size={[8, 8]}>
        {list.length ? <span className="yishi-search-filter-label">{t('saved.title')}</span> : null}
        {list.map((s) => (
          <Space.Compact key={s.name} className="yishi-search-saved-chip">
            <Button onClick={() => onOpen({ query: s.query, filters: s.filters })} title={s.query}>
              {s.name}
            </Button>
            <Popconfirm
              title={t('saved.removeConfirm', { name: s.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                store(
                  list.filter((o) => o.name !== s.name),
                  t('saved.removed', { name: s.name }),
                )
              }
            >
              <Button icon={<CloseOutlined />} aria-label={t('saved.remove', { name: s.name })} />
            </Popconfirm>
          </Space.Compact>
        ))}
        <Button icon={<StarOutlined />} onClick={startSaving}>
          {t('saved.save')}
        </Button>
      </Space>
      {/* Drawn only while naming: each time a fresh form, holding the words searched. */}
      {naming ? (
        <SaveDialog
          list={list}
          defaultName={current.query.trim().slice(0, SAVED_SEARCH_NAME_MAX)}
          onClose={() => setNaming(false)}
          onSave={async (name) => {
            const next = withSavedSearch(list, { name, query: current.query.trim(), filters: current.filters });
            if (!next) return void message.warning(t('saved.full', { max: SAVED_SEARCHES_MAX }));
            setNaming(false);
            await store(next, t('saved.done', { name }));
          }}
        />
      ) : null}
    </div>
  );
}

/** The name of the search to save (the words searched, to begin with). */
function SaveDialog({
  list,
  defaultName,
  onClose,
  onSave,
}: {
  list: readonly SavedSearch[];
  defaultName: string;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const { t } = useTranslation('search');
  const [form] = Form.useForm<{ name: string }>();
  const name = Form.useWatch('name', form) ?? '';
  const replacing = list.some((s) => s.name === name.trim());
  return (
    <Modal
      open
      title={t('saved.dialogTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p>{t('saved.dialogLead')}</p>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ name: n }) => onSave(n.trim())}
        initialValues={{ name: defaultName }}
      >
        <Form.Item
          name="name"
          label={t('saved.name')}
          extra={replacing ? t('saved.sameName') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('saved.nameRequired') },
            { max: SAVED_SEARCH_NAME_MAX, message: t('saved.nameTooLong', { max: SAVED_SEARCH_NAME_MAX }) },
          ]}
        >
          <Input autoFocus placeholder={t('saved.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
