package cn.partyflow.organization;

/**
 * Figures kept per subtree (an organization with everything below it) by another part of the application: a move of
 * an organization moves them, so the organization import has each of them counted anew in its transaction.
 */
public interface SubtreeFigures {

  /** Counts every row anew, set-based, over the tree as it is now, stamped with the tree's version. */
  void rebuild();
}
