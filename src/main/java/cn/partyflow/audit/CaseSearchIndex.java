package cn.partyflow.audit;

import cn.partyflow.shared.EngineTables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The auditors' search pages cases newest first by start time and then id ({@link CaseSearch}). The engine indexes
 * {@code ACT_HI_PROCINST} by {@code (START_TIME_, END_TIME_)}, which orders by start time but not by the id that breaks
 * ties, so a province's cases that share start times were all read and sorted before the first page (a million cases
 * in the provincial benchmark); with {@code (START_TIME_, ID_)} the page is read in order and the walk stops after it.
 * The engine creates its tables after Flyway has run, so the indexes are made here, as {@code ReportHistoryIndex} does.
 */
@Component
class CaseSearchIndex extends AbstractProcessEnginePlugin {

  static final String START_INDEX = "pf_idx_hi_procinst_start_id";

  /**
   * The cases of a narrow or middle scope found from their organization: the process-level variable {@code orgId}.
   * Partial, on PostgreSQL only: the text of other variables may exceed what a b-tree entry holds, and the demo's H2 is
   * small. The condition that the variable is the process's own is part of the index, so the cases of a city (50,000
   * in a province) are read from the index alone, without a visit to each variable's row.
   */
  static final String ORG_INDEX = "pf_idx_hi_varinst_case_org";

  /** The index before, without the process-level condition; replaced by {@link #ORG_INDEX}. */
  private static final String FORMER_ORG_INDEX = "pf_idx_hi_varinst_org";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    EngineTables.createIndex(engine, START_INDEX, "ACT_HI_PROCINST", "START_TIME_, ID_", "案卷检索索引");
    if (EngineTables.isPostgres(engine)) {
      EngineTables.execute(engine, "create index if not exists " + ORG_INDEX + " on " + EngineTables.prefix(engine)
          + "ACT_HI_VARINST (TEXT_, PROC_INST_ID_) where NAME_ = 'orgId' and EXECUTION_ID_ = PROC_INST_ID_",
          "无法创建案卷检索索引 " + ORG_INDEX);
      EngineTables.execute(engine, "drop index if exists " + EngineTables.prefix(engine) + FORMER_ORG_INDEX,
          "无法删除案卷检索索引 " + FORMER_ORG_INDEX);
    }
  }
}
