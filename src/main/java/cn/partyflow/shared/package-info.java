/**
 * The thin kernel every feature shares: the China clock and the rule-violation exception whose Chinese message
 * reaches the officer unchanged.
 */
package cn.partyflow.shared;
