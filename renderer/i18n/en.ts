import type { Messages } from './zh-CN';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** English, the second locale. Typed against zh-CN so a missing key fails the type-check. */
export const en: DeepStrings<Messages> = {
  app: { name: 'Yishi', tagline: 'Talk it through · community deliberation' },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    confirm: 'OK',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    search: 'Search',
    actions: 'Actions',
    loading: 'Loading…',
    saved: 'Saved',
    none: 'None',
    back: 'Back',
    next: 'Next',
    moveUp: 'Move up',
    moveDown: 'Move down',
    required: 'Required',
    people: '{{count}} people',
    rows: '{{count}} rows',
  },
  nav: {
    matters: 'Matters',
    org: 'Organisation',
    roster: 'Roster',
    backups: 'Backup & restore',
    settings: 'Settings',
    largeType: 'Large type',
  },
  levels: {
    district: 'District',
    subdistrict: 'Sub-district',
    community: 'Community',
    compound: 'Compound',
    grid: 'Grid',
  },
  roles: {
    secretary: 'Party secretary',
    twoCommittees: '"Two committees" member',
    ownersCommittee: "Owners' committee",
    property: 'Property company',
    resident: 'Resident representative',
    coBuilding: 'Co-building unit',
    stakeholder: 'Interested party',
  },
  genders: { male: 'Male', female: 'Female' },
  flags: { isGridWorker: 'Grid worker', isMediator: 'Mediator', isPartyMember: 'Party member' },
  errors: {
    futureTitle: 'This data comes from a newer Yishi',
    futureLead:
      'The data on this computer was saved by a newer version of Yishi (data version {{found}}; this app supports {{supported}}). To keep it safe this app will not open it. Please install the latest Yishi. Nothing was deleted or changed.',
    openFailedTitle: 'The data cannot be opened',
    openFailedLead:
      'Opening the data on this computer failed: {{message}}. Nothing was deleted. Close other Yishi windows and try again.',
    retry: 'Try again',
    unexpected: 'Something went wrong: {{message}}',
    fileTooLarge: 'The file is too large ({{size}}).',
    screenTitle: 'This page could not be opened',
    screenLead:
      'Everything saved is still there. Reload the page, or go back to the meeting list. (Details: {{message}})',
    reload: 'Reload',
    backToMeetings: 'Back to the meeting list',
    actionFailed: 'That did not go through: {{message}}',
  },
};
