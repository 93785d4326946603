package cn.partyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The role filters as Tasklist reads them (/engine-rest/filter), and the Chinese overlay as the app serves it. */
@PostgresTest
class TaskFiltersTest {

  static final List<String> ROLE_FILTERS =
      List.of(TaskFilters.MINE, TaskFilters.MY_GROUPS, TaskFilters.DUE_SOON, TaskFilters.OVERDUE);

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskFilters taskFilters;
  @Autowired MyTasks myTasks;
  @Autowired PersonalTaskLinks personalTaskLinks;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void deploy() {
    OfficerErrand.deployOnce(repository);
  }

  @Test
  void anOfficerSeesTheFourRoleFiltersInOrderAndAManagerAlsoTheWholeUnit() throws Exception {
    assertThat(filterNames("nk_zuzhi")).containsExactlyElementsOf(ROLE_FILTERS);
    assertThat(filterNames("wk_zuzhi")).containsExactlyElementsOf(ROLE_FILTERS);
    assertThat(filterNames("rmyy_shuji")).containsExactly(TaskFilters.MINE, TaskFilters.MY_GROUPS,
        TaskFilters.DUE_SOON, TaskFilters.OVERDUE, TaskFilters.ALL_VISIBLE);
    // The 党组 above 党委s: his unit's tasks are the 党委s', and his tool for them is the dashboard.
    assertThat(filterNames("wjj_shuji")).containsExactlyElementsOf(ROLE_FILTERS);
  }

  @Test
  void everyFilterShowsWhoWhatWhereAndWhenAndSortsByDueDate() throws Exception {
    for (JsonNode f : filters("rmyy_shuji")) {
      assertThat(f.at("/query/sorting/0/sortBy").asText()).as(f.get("name").asText()).isEqualTo("dueDate");
      assertThat(f.at("/query/sorting/0/sortOrder").asText()).isEqualTo("asc");
      List<String> columns = StreamSupport.stream(f.at("/properties/variables").spliterator(), false)
          .map(v -> v.get("name").asText() + "=" + v.get("label").asText()).toList();
      assertThat(columns).contains("applicantName=人员", "itemTitle=事项", "orgName=组织", "deadline=期限");
      assertThat(f.at("/properties/description").asText()).isNotBlank();
    }
  }

  @Test
  void countsFollowTheOfficersGroupsAndTheDeadlines() throws Exception {
    Map<String, Integer> medicineBefore = counts("nk_zuzhi");
    Map<String, Integer> surgeryBefore = counts("wk_zuzhi");
    Date inTwoDays = Date.from(Instant.now().plus(Duration.ofDays(2)));
    Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
    Date inTenDays = Date.from(Instant.now().plus(Duration.ofDays(10)));
    OfficerErrand.start(runtime, "rmyy-nk", "内科支部", OfficerErrand.uniqueTitle("筛选器计数"), inTwoDays);
    OfficerErrand.start(runtime, "rmyy-nk", "内科支部", OfficerErrand.uniqueTitle("筛选器计数"), yesterday);
    String later = OfficerErrand.start(runtime, "rmyy-nk", "内科支部", OfficerErrand.uniqueTitle("筛选器计数"),
        inTenDays);

    assertThat(delta(medicineBefore, counts("nk_zuzhi"))).containsExactly(
        Map.entry(TaskFilters.MINE, 0), Map.entry(TaskFilters.MY_GROUPS, 3), Map.entry(TaskFilters.DUE_SOON, 1),
        Map.entry(TaskFilters.OVERDUE, 1));
    assertThat(counts("wk_zuzhi")).isEqualTo(surgeryBefore);

    String laterTask = tasks.createTaskQuery().processInstanceId(later).singleResult().getId();
    tasks.claim(laterTask, "nk_zuzhi");
    assertThat(delta(medicineBefore, counts("nk_zuzhi"))).containsEntry(TaskFilters.MINE, 1)
        .containsEntry(TaskFilters.MY_GROUPS, 3);

  }

  @Test
  void aStepTheModelAssignsToOnePersonIsInHisOverdueListAndFollowsAHandover() throws Exception {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("personalErrand").count() == 0) {
      repository.createDeployment().name("personal-errand-test").addModelInstance("personal-errand.bpmn",
          Bpmn.createExecutableProcess("personalErrand").name("个人事项（测试）").camundaHistoryTimeToLive(1)
              .startEvent("StartEvent_Personal").name("交办")
              .userTask("Task_Personal").name("办理${itemTitle}").camundaAssignee("${person}")
              .camundaCandidateGroups("${routing.group(orgId, 'organizer')}").camundaDueDate("${due}")
              .endEvent("EndEvent_Personal").name("办结").done()).deploy();
    }
    Map<String, Integer> groupBefore = counts("nk_zuzhi");
    Map<String, Integer> personBefore = counts("wk_zuzhi");
    Map<String, Integer> nextBefore = counts("jgzb_shuji");
    Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
    String started = runtime.startProcessInstanceByKey("personalErrand", Map.of("orgId", "rmyy-nk", "orgName",
        "内科支部", "itemTitle", OfficerErrand.uniqueTitle("个人事项"), "due", yesterday, "person", "wk_zuzhi")).getId();
    try {
      // Offered to 内科's 组织委员 and assigned by the model to wk_zuzhi, who is not in that group.
      assertThat(delta(personBefore, counts("wk_zuzhi"))).containsExactly(
          Map.entry(TaskFilters.MINE, 1), Map.entry(TaskFilters.MY_GROUPS, 0), Map.entry(TaskFilters.DUE_SOON, 0),
          Map.entry(TaskFilters.OVERDUE, 1));
      assertThat(delta(groupBefore, counts("nk_zuzhi"))).containsEntry(TaskFilters.MINE, 0)
          .containsEntry(TaskFilters.OVERDUE, 1);

      // A step of a database from before the links gets its link at the next start.
      String step = tasks.createTaskQuery().processInstanceId(started).singleResult().getId();
      tasks.deleteCandidateUser(step, "wk_zuzhi");
      assertThat(delta(personBefore, counts("wk_zuzhi"))).containsEntry(TaskFilters.OVERDUE, 0);
      personalTaskLinks.linkOpenSteps();
      assertThat(delta(personBefore, counts("wk_zuzhi"))).containsEntry(TaskFilters.OVERDUE, 1);

      tasks.setAssignee(step, "jgzb_shuji");
      assertThat(delta(personBefore, counts("wk_zuzhi"))).containsEntry(TaskFilters.OVERDUE, 0);
      assertThat(delta(nextBefore, counts("jgzb_shuji"))).containsEntry(TaskFilters.MINE, 1)
          .containsEntry(TaskFilters.OVERDUE, 1);
      for (String user : List.of("wk_zuzhi", "jgzb_shuji", "nk_zuzhi")) {
        Map<String, Integer> home = new LinkedHashMap<>();
        myTasks.filterCounts(user).forEach(c -> home.put(c.name(), (int) c.count()));
        assertThat(home).as(user).isEqualTo(counts(user));
      }
    } finally {
      runtime.deleteProcessInstance(started, "test");
    }
  }

  @Test
  void aUnitsLeadersListTheTasksOfTheirUnitsOrganizationsClaimedOrNot() throws Exception {
    Date inTenDays = Date.from(Instant.now().plus(Duration.ofDays(10)));
    int ownBefore = counts("rmyy_shuji").get(TaskFilters.ALL_VISIBLE);
    int otherBefore = counts("zyy_shuji").get(TaskFilters.ALL_VISIBLE);
    List<String> started = new ArrayList<>();
    try {
      started.add(OfficerErrand.start(runtime, "rmyy-nk", "内科支部", OfficerErrand.uniqueTitle("本单位"), inTenDays));
      started.add(OfficerErrand.start(runtime, "rmyy-wk", "外科支部", OfficerErrand.uniqueTitle("本单位"), inTenDays));
      started.add(OfficerErrand.start(runtime, "zyy-zb1", "中医院第一支部", OfficerErrand.uniqueTitle("本单位"),
          inTenDays));
      tasks.claim(tasks.createTaskQuery().processInstanceId(started.get(0)).singleResult().getId(), "nk_zuzhi");
      // A task he may read that is not his unit's stays out: the list is the unit's, not all he may read.
      Authorization foreign = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      foreign.setGroupId(Groups.roleGroup("rmyy", Role.SECRETARY));
      foreign.setResource(Resources.TASK);
      foreign.setResourceId(tasks.createTaskQuery().processInstanceId(started.get(2)).singleResult().getId());
      foreign.addPermission(Permissions.READ);
      authorizations.saveAuthorization(foreign);

      assertThat(counts("rmyy_shuji").get(TaskFilters.ALL_VISIBLE) - ownBefore).isEqualTo(2);
      assertThat(counts("zyy_shuji").get(TaskFilters.ALL_VISIBLE) - otherBefore).isEqualTo(1);
    } finally {
      started.forEach(id -> runtime.deleteProcessInstance(id, "test"));
    }
  }

  @Test
  void theHomeCountsAreWhatTasklistsFiltersCountForEachUser() throws Exception {
    Date inTwoDays = Date.from(Instant.now().plus(Duration.ofDays(2)));
    Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
    Date inTenDays = Date.from(Instant.now().plus(Duration.ofDays(10)));
    List<String> started = new ArrayList<>();
    Authorization readTasks = null;
    Map<String, Integer> secretaryBefore = new LinkedHashMap<>();
    myTasks.filterCounts("rmyy_shuji").forEach(c -> secretaryBefore.put(c.name(), (int) c.count()));
    try {
      // Due soon, overdue and later in two branches of 县人民医院, whose 党委书记 reads them all (CaseAccessPlugin).
      for (Date due : List.of(inTwoDays, yesterday, inTenDays)) {
        started.add(OfficerErrand.start(runtime, "rmyy-nk", "内科支部", OfficerErrand.uniqueTitle("首页计数"), due));
        started.add(OfficerErrand.start(runtime, "rmyy-wk", "外科支部", OfficerErrand.uniqueTitle("首页计数"), due));
      }
      tasks.claim(tasks.createTaskQuery().processInstanceId(started.get(0)).singleResult().getId(), "nk_zuzhi");
      // A grant by process definition (READ_TASK), the engine's other way to a task.
      readTasks = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      readTasks.setGroupId(Groups.roleGroup("wjj-jgzb", Role.SECRETARY));
      readTasks.setResource(Resources.PROCESS_DEFINITION);
      readTasks.setResourceId(OfficerErrand.KEY);
      readTasks.addPermission(ProcessDefinitionPermissions.READ_TASK);
      readTasks = authorizations.saveAuthorization(readTasks);

      for (String user : List.of("nk_zuzhi", "wk_zuzhi", "rmyy_shuji", "jgzb_shuji", "admin")) {
        Map<String, Integer> tasklist = counts(user);
        Map<String, Integer> home = new LinkedHashMap<>();
        myTasks.filterCounts(user).forEach(c -> home.put(c.name(), (int) c.count()));
        tasklist.keySet().retainAll(home.keySet());
        assertThat(home).as(user).isEqualTo(tasklist);
        assertThat(deadlines(myTasks.nextDeadlines(user, OfficerErrand.KEY, 4))).as(user)
            .isEqualTo(deadlines(myTasks.engineDeadlines(user, myTasks.groupsOf(user), OfficerErrand.KEY, 4)));
      }
      assertThat(myTasks.nextDeadlines("rmyy_shuji", OfficerErrand.KEY, 4)).hasSize(4);
      assertThat(myTasks.nextDeadlines("nk_zuzhi", OfficerErrand.KEY, 4)).isNotEmpty();
      // The 党委书记 reads his branches' tasks, but they are neither his nor his groups': not in his 已逾期.
      Map<String, Integer> secretary = new LinkedHashMap<>();
      myTasks.filterCounts("rmyy_shuji").forEach(c -> secretary.put(c.name(), (int) c.count()));
      assertThat(secretary.get(TaskFilters.OVERDUE)).isEqualTo(secretaryBefore.get(TaskFilters.OVERDUE));
      assertThat(secretary.get(TaskFilters.DUE_SOON)).isEqualTo(secretaryBefore.get(TaskFilters.DUE_SOON));
      Map<String, Integer> officer = new LinkedHashMap<>();
      myTasks.filterCounts("nk_zuzhi").forEach(c -> officer.put(c.name(), (int) c.count()));
      assertThat(officer.get(TaskFilters.OVERDUE)).isPositive();
      assertThat(officer.get(TaskFilters.DUE_SOON)).isPositive();
    } finally {
      if (readTasks != null) {
        authorizations.deleteAuthorization(readTasks.getId());
      }
      started.forEach(id -> runtime.deleteProcessInstance(id, "test"));
    }
  }

  /** Task id and due time in order: the engine's dates and the JDBC ones are different Date classes. */
  private static List<String> deadlines(List<MyTasks.Deadline> list) {
    return list.stream().map(d -> d.taskId() + "@" + d.due().getTime()).toList();
  }

  @Test
  void startupSyncIsIdempotentAndPutsBackAFilterEditedByHand() {
    taskFilters.sync();
    taskFilters.sync();
    for (TaskFilters.Definition d : TaskFilters.ALL) {
      List<Filter> named = filterService.createFilterQuery().filterResourceType(EntityTypes.TASK)
          .filterName(d.name()).list();
      assertThat(named).as(d.name()).hasSize(1);
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(named.get(0).getId()).groupIdIn(d.group()).count()).isEqualTo(1);
    }

    Filter overdue = filterService.createFilterQuery().filterName(TaskFilters.OVERDUE).singleResult();
    String wantedQuery = ((FilterEntity) overdue).getQueryInternal();
    overdue.setQuery(tasks.createTaskQuery().taskName("改坏了"));
    overdue.setProperties(new LinkedHashMap<>(Map.of("priority", 99)));
    filterService.saveFilter(overdue);

    taskFilters.sync();

    Filter restored = filterService.getFilter(overdue.getId());
    assertThat(((FilterEntity) restored).getQueryInternal()).isEqualTo(wantedQuery);
    assertThat(restored.getProperties()).containsEntry("priority", 10).containsKey("variables");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(overdue.getId()).groupIdIn(Groups.USERS).count()).isEqualTo(1);
  }

  @Test
  void theChineseTasklistIsServedWithAtLeastTheKeysOfTheEnglishOne() throws Exception {
    ResponseEntity<String> zh = http.getForEntity("/camunda/app/tasklist/locales/zh.json", String.class);
    ResponseEntity<String> en = http.getForEntity("/camunda/app/tasklist/locales/en.json", String.class);
    assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(en.getStatusCode()).isEqualTo(HttpStatus.OK);
    int zhKeys = leaves(json.readTree(stripBom(zh.getBody())));
    int enKeys = leaves(json.readTree(stripBom(en.getBody())));
    assertThat(enKeys).isGreaterThan(300);
    assertThat(zhKeys).isGreaterThanOrEqualTo(enKeys);
    assertThat(json.readTree(stripBom(zh.getBody())).at("/labels/CLAIM_TASK").asText()).isEqualTo("认领");

    String config = http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class);
    assertThat(config).contains("availableLocales: ['zh']", "fallbackLocale: 'zh'",
        "scripts/partyflow-tasklist");
    assertThat(http.getForEntity("/camunda/app/tasklist/scripts/partyflow-tasklist.js", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class))
        .contains("@import url(../../partyflow/partyflow.css)");
    assertThat(http.getForObject("/camunda/app/partyflow/partyflow.css", String.class))
        .contains(".ce-eol-banner");
  }

  private List<JsonNode> filters(String user) throws Exception {
    String body = http.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?resourceType=Task&itemCount=true",
        String.class);
    return StreamSupport.stream(json.readTree(body).spliterator(), false)
        .sorted((a, b) -> Integer.compare(a.at("/properties/priority").asInt(), b.at("/properties/priority").asInt()))
        .toList();
  }

  private List<String> filterNames(String user) throws Exception {
    return filters(user).stream().map(f -> f.get("name").asText()).toList();
  }

  private Map<String, Integer> counts(String user) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode f : filters(user)) {
      counts.put(f.get("name").asText(), f.get("itemCount").asInt());
    }
    return counts;
  }

  private static Map<String, Integer> delta(Map<String, Integer> before, Map<String, Integer> after) {
    Map<String, Integer> delta = new LinkedHashMap<>();
    after.forEach((name, n) -> delta.put(name, n - before.getOrDefault(name, 0)));
    return delta;
  }

  private static String stripBom(String text) {
    return text != null && text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int leaves(JsonNode node) {
    if (node.isObject() || node.isArray()) {
      int n = 0;
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        n += leaves(it.next());
      }
      return n;
    }
    return 1;
  }
}
