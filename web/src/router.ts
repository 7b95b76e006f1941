import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import { whenSignedOut } from './api/http';
import { isOffice, loadSession, session, type Role } from './api/session';

export interface MenuEntry {
  name: string;
  path: string;
  /** Key in the i18n dictionary. */
  label:
    | 'menuOpinions'
    | 'menuRecords'
    | 'menuSocialReports'
    | 'menuPoints'
    | 'menuStatistics'
    | 'menuEvents'
    | 'menuOutcomes'
    | 'menuRoster'
    | 'menuMembers'
    | 'menuSettings';
  roles: Role[];
  comingSoon?: boolean;
}

const EVERYONE: Role[] = ['member', 'convenor', 'staff', 'admin'];
const OFFICE: Role[] = ['staff', 'admin'];

/** The side menu: only pages the role may see. Issue 19's pages show as 即将推出 for the office. */
export const MENU: MenuEntry[] = [
  { name: 'opinions', path: '/opinions', label: 'menuOpinions', roles: EVERYONE },
  { name: 'records', path: '/records', label: 'menuRecords', roles: EVERYONE },
  { name: 'social-reports', path: '/social-reports', label: 'menuSocialReports', roles: EVERYONE },
  { name: 'points', path: '/points', label: 'menuPoints', roles: OFFICE },
  { name: 'statistics', path: '/statistics', label: 'menuStatistics', roles: OFFICE },
  { name: 'events', path: '/events', label: 'menuEvents', roles: OFFICE },
  { name: 'outcomes', path: '/outcomes', label: 'menuOutcomes', roles: OFFICE },
  { name: 'roster', path: '/roster', label: 'menuRoster', roles: OFFICE },
  { name: 'members', path: '/members', label: 'menuMembers', roles: OFFICE },
  { name: 'settings', path: '/settings', label: 'menuSettings', roles: ['admin'], comingSoon: true },
];

export const menuFor = (role: Role | undefined) => MENU.filter((entry) => role && entry.roles.includes(role));

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true } },
  { path: '/error/:status', name: 'error', component: () => import('./pages/ErrorPage.vue'), props: true, meta: { public: true } },
  {
    path: '/',
    component: () => import('./layouts/WorkbenchFrame.vue'),
    children: [
      { path: '', redirect: '/opinions' },
      { path: 'opinions', name: 'opinions', component: () => import('./pages/opinions/OpinionBoard.vue'), meta: { roles: EVERYONE } },
      { path: 'records', name: 'records', component: () => import('./pages/MyRecordsPage.vue'), meta: { roles: EVERYONE } },
      {
        path: 'social-reports',
        name: 'social-reports',
        component: () => import('./pages/social-reports/SocialReportsPage.vue'),
        meta: { roles: EVERYONE },
      },
      { path: 'points', name: 'points', component: () => import('./pages/points/PointsPage.vue'), meta: { roles: OFFICE } },
      { path: 'events', name: 'events', component: () => import('./pages/events/EventsPage.vue'), meta: { roles: OFFICE } },
      { path: 'outcomes', name: 'outcomes', component: () => import('./pages/outcomes/OutcomesPage.vue'), meta: { roles: OFFICE } },
      { path: 'roster', name: 'roster', component: () => import('./pages/roster/RosterPage.vue'), meta: { roles: OFFICE } },
      {
        path: 'statistics',
        name: 'statistics',
        component: () => import('./pages/statistics/StatisticsPage.vue'),
        meta: { roles: OFFICE },
      },
      {
        path: 'statistics/members/:id?',
        name: 'member-record',
        component: () => import('./pages/statistics/MemberRecordPage.vue'),
        meta: { roles: OFFICE },
      },
      { path: 'members', name: 'members', component: () => import('./pages/directory/DirectoryPage.vue'), meta: { roles: OFFICE } },
      ...MENU.filter((entry) => entry.comingSoon).map<RouteRecordRaw>((entry) => ({
        path: entry.path.slice(1),
        name: entry.name,
        component: () => import('./pages/ComingSoonPage.vue'),
        meta: { roles: entry.roles },
      })),
    ],
  },
  { path: '/:rest(.*)*', redirect: '/opinions' },
];

/** History under /workbench/; every private page first asks who is signed in, and sends strangers to sign in. */
export function createWorkbenchRouter(): Router {
  const router = createRouter({ history: createWebHistory('/workbench/'), routes });
  // A session that ended while a page was open (expired, signed out elsewhere, member deactivated).
  // A 401 after the member signed out on purpose is an answer to a request sent before; ignore it.
  whenSignedOut((error) => {
    if (!session.member) return;
    session.member = null;
    void router.push({ name: 'error', params: { status: '401' }, query: { message: error.message } });
  });
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!session.loaded) {
      try {
        await loadSession();
      } catch {
        return { name: 'error', params: { status: '500' } };
      }
    }
    if (!session.member) return { name: 'sign-in' };
    const roles = to.meta.roles as Role[] | undefined;
    if (roles && !roles.includes(session.member.role)) return { name: 'error', params: { status: '403' } };
    return true;
  });
  return router;
}

export { isOffice };
