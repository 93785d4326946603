/**
 * Party organizations, the people in them and the roles they hold; the Camunda users and groups derived from
 * them; and the routing service that sends each task to the role whose job it is.
 */
package cn.partyflow.organization;
