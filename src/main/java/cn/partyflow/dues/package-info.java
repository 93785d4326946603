/**
 * Party dues (党费): turns a member's category and monthly income into the monthly amount due under
 * the 2008 regulation on dues collection and the 2017 circular that tightened it, i.e. the income
 * base after tax and excluded items, one flat rate on the whole base, fixed amounts for students,
 * the unemployed, members on relief and farmers, the monthly cap, voluntary extra payments and
 * approved reductions or exemptions. The calculator is plain Java so that the rules are tested
 * without Spring or the process engine; the dues processes call it through {@link
 * cn.partyflow.dues.DuesCalculator}, configured from {@code partyflow.dues.*}.
 */
package cn.partyflow.dues;
