/**
 * 党员花名册 ({@code /people}): the people of the organizations a user may see, found by part of a name, id, stage
 * and organization; a person's page with the stage dates, the person's cases (running and finished, as far as the
 * user may read them) and the procedures the user may start for the person. A start goes through the engine as the
 * user, with the same start form and the same checks as a start from Tasklist.
 */
package cn.partyflow.roster;
