package cn.partyflow.reports;

/**
 * One person, item or ledger row behind a figure, with the page that shows it ({@code href}: the roster's person
 * page, the item's page, the branch's dues page) and, for a case, its process instance for the auditors' case file.
 */
record Ref(String name, String organization, String detail, String href, String processInstanceId) {}
