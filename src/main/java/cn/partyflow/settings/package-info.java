/**
 * 规则设置: the administrators' read-only page of every setting of the procedures ({@code partyflow.member-development.*},
 * {@code rectification.*}, {@code dues.*}, {@code audit.*}) with its current value, its default and its source, read
 * from the {@link cn.partyflow.shared.RuleSetting} declarations next to the settings themselves.
 */
package cn.partyflow.settings;
