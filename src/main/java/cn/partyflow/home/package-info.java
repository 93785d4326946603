/**
 * 工作台 and the menu: the page a signed-in user starts from ({@code /}), with their own Tasklist counts and, per
 * role, the numbers of their work (the branch's member pipeline and dues, the unit's rectification, the auditors'
 * cases), and the one menu every page of ours shows. It owns no table: each number comes from the module that keeps
 * it, through that module's public query service ({@code MyTasks}, {@code Roster}, {@code DuesProgress},
 * {@code RectificationDashboard}, {@code RecentCases}).
 */
package cn.partyflow.home;
