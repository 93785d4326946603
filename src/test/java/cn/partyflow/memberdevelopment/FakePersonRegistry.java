package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The person registry in memory, for tests without a database. */
class FakePersonRegistry implements PersonRegistry {

  final Map<String, Person> people = new LinkedHashMap<>();
  final List<String> officers = new ArrayList<>();
  final List<String> committee = new ArrayList<>();

  FakePersonRegistry add(String id, String name, MemberStatus status, boolean watched) {
    people.put(id, new Person(id, name, "男", LocalDate.of(1980, 1, 1), status, "rmyy-nk", null, null, null, null,
        null, null, null, null, watched));
    return this;
  }

  /** A full member of the branch who is its 书记, 副书记 or 组织委员. */
  FakePersonRegistry officer(String id, String name) {
    officers.add(id);
    return add(id, name, MemberStatus.FULL_MEMBER, false);
  }

  /** A member of the approving 党委, who may talk with a 发展对象 before approval. */
  FakePersonRegistry committeeMember(String id, String name) {
    committee.add(id);
    return add(id, name, MemberStatus.FULL_MEMBER, false);
  }

  @Override
  public List<Person> branchOfficers(String branchId) {
    return officers.stream().map(people::get).filter(p -> p.orgId().equals(branchId)).toList();
  }

  @Override
  public List<Person> approvalTalkers(String branchId) {
    return committee.stream().map(people::get).toList();
  }

  @Override
  public Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  @Override
  public List<Person> eligibleMembers(String branchId) {
    return people.values().stream().filter(p -> p.orgId().equals(branchId) && p.isFullMemberInGoodStanding())
        .toList();
  }

  @Override
  public void update(String personId, MemberStatus status, Map<StageDate, LocalDate> dates) {
    Person p = people.get(personId);
    LocalDate application = dates.containsKey(StageDate.APPLICATION) ? dates.get(StageDate.APPLICATION)
        : p.applicationDate();
    LocalDate activist = dates.containsKey(StageDate.ACTIVIST) ? dates.get(StageDate.ACTIVIST) : p.activistDate();
    LocalDate target = dates.containsKey(StageDate.TARGET) ? dates.get(StageDate.TARGET) : p.targetDate();
    LocalDate admission = dates.containsKey(StageDate.ADMISSION) ? dates.get(StageDate.ADMISSION)
        : p.admissionDate();
    LocalDate full = dates.containsKey(StageDate.FULL_MEMBER) ? dates.get(StageDate.FULL_MEMBER)
        : p.fullMemberDate();
    people.put(personId, new Person(p.id(), p.name(), p.gender(), p.birthDate(), status, p.orgId(), p.username(),
        p.email(), p.phone(), application, activist, target, admission, full, p.onProbationDiscipline()));
  }
}
