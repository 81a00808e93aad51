import { describe, expect, it } from 'vitest';
import { Rng } from '../../../shared/demo/builders';
import { MATTER_STAGES } from '../../../shared/domain/matterStage';
import { MATTER_PATHS } from '../../../shared/domain/matter';
import { descendantIds } from '../../../shared/domain/org';
import {
  countsOf,
  MATTER_PAGE_SIZE,
  newestRaisedFirst,
  passesMatterFilter,
  type MatterListFilter,
} from '../../../shared/matters/matterList';
import { smallDistrictDb } from '../smallDistrict';
import { loadMatterPage, loadRegisterCounts } from './matterListRepo';
import { loadMatterList } from './mattersRepo';

const ids = (rows: readonly { matter: { id: string } }[]) => rows.map((r) => r.matter.id);

describe('the 说事登记 list, a page at a time', () => {
  it('pages through the whole register: every matter once, newest raised first, the counts of all', async () => {
    const db = await smallDistrictDb('matter-pages');
    const units = await db.orgUnits.toArray();
    const all = await loadMatterList(
      db,
      units.map((u) => u.id),
    );
    expect(all.length).toBeGreaterThan(3 * MATTER_PAGE_SIZE);
    const seen: string[] = [];
    let last = '9999-12-31';
    // The whole register's counts come apart from its pages (the screen asks for them after).
    expect(await loadRegisterCounts(db)).toEqual(countsOf(all));
    for (let page = 0; page * MATTER_PAGE_SIZE < all.length; page++) {
      const shown = await loadMatterPage(db, {}, page, units);
      expect(shown.page).toBe(page);
      expect(shown.total).toBe(all.length);
      expect(shown.counts).toBeNull();
      for (const r of shown.rows) {
        expect(r.matter.raisedAt <= last, 'newest raised first').toBe(true);
        last = r.matter.raisedAt;
        // The same stage and ladder place as the full list gives.
        expect(r).toEqual(all.find((a) => a.matter.id === r.matter.id));
      }
      seen.push(...ids(shown.rows));
    }
    expect([...seen].sort()).toEqual(ids(all).sort());
    // A page beyond the last shows the last.
    const beyond = await loadMatterPage(db, {}, 10_000, units);
    expect(beyond.page).toBe(Math.ceil(all.length / MATTER_PAGE_SIZE) - 1);
    db.close();
  });

  it('gives for any filter what filtering the whole list gives, page by page', async () => {
    const db = await smallDistrictDb('matter-filters');
    const units = await db.orgUnits.toArray();
    const all = await loadMatterList(
      db,
      units.map((u) => u.id),
    );
    const rng = new Rng(4);
    const pick = <T>(list: readonly T[]) => list[rng.int(0, list.length - 1)]!;
    for (let i = 0; i < 40; i++) {
      const sample = pick(all).matter;
      const filter: MatterListFilter = {};
      if (rng.int(0, 2) === 0) filter.unitId = pick(units).id;
      if (rng.int(0, 3) === 0) filter.stage = pick(MATTER_STAGES);
      if (rng.int(0, 3) === 0) filter.path = pick(MATTER_PATHS);
      if (rng.int(0, 3) === 0) filter.category = sample.category;
      if (rng.int(0, 3) === 0) filter.channel = sample.channel;
      if (rng.int(0, 3) === 0) filter.openOnly = true;
      if (rng.int(0, 4) === 0) filter.text = sample.title.slice(1, 4);
      // (No filter at all is the whole register, the test above.)
      if (Object.keys(filter).length === 0) filter.openOnly = true;
      const inUnits = filter.unitId ? descendantIds(units, filter.unitId) : null;
      const expected = all.filter((r) => passesMatterFilter(r, filter, inUnits)).sort(newestRaisedFirst);
      const page = rng.int(0, 2);
      const shown = await loadMatterPage(db, filter, page, units);
      expect(shown.counts, JSON.stringify(filter)).toEqual(countsOf(expected));
      expect(shown.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(shown.rows), JSON.stringify(filter)).toEqual(
        ids(expected.slice(shown.page * MATTER_PAGE_SIZE, (shown.page + 1) * MATTER_PAGE_SIZE)),
      );
      expect(shown.registerEmpty).toBe(false);
    }
    db.close();
  });

  it('finds words through the archive index, and by reading every matter while the index is built', async () => {
    const db = await smallDistrictDb('matter-words');
    const units = await db.orgUnits.toArray();
    const all = await loadMatterList(
      db,
      units.map((u) => u.id),
    );
    const words = [...new Set(all.map((r) => r.matter.title.slice(0, 2)))].slice(0, 12);
    const expected = (text: string) =>
      ids(all.filter((r) => passesMatterFilter(r, { text }, null)).sort(newestRaisedFirst)).slice(0, MATTER_PAGE_SIZE);
    const viaIndex = await Promise.all(words.map((text) => loadMatterPage(db, { text }, 0, units)));
    await db.searchState.clear();
    for (const [i, text] of words.entries()) {
      expect(ids(viaIndex[i]!.rows), text).toEqual(expected(text));
      expect(ids((await loadMatterPage(db, { text }, 0, units)).rows), text).toEqual(expected(text));
    }
    db.close();
  });

  it('says when nothing is registered at all, apart from nothing matching', async () => {
    const db = await smallDistrictDb('matter-empty');
    const units = await db.orgUnits.toArray();
    expect((await loadMatterPage(db, { text: '不会有这样的事项' }, 0, units)).registerEmpty).toBe(false);
    await db.matters.clear();
    const empty = await loadMatterPage(db, {}, 0, units);
    expect(empty).toEqual({ rows: [], page: 0, total: 0, counts: null, registerEmpty: true });
    expect(await loadRegisterCounts(db)).toEqual({ total: 0, open: 0, untriaged: 0 });
    expect((await loadMatterPage(db, { openOnly: true }, 3, units)).registerEmpty).toBe(true);
    db.close();
  });
});
