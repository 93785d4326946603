package cn.partyflow.memberdevelopment;

/** The stage dates kept on pf_person, so "who is an activist here, since when" is one query. */
enum StageDate {
  APPLICATION("application_date"),
  ACTIVIST("activist_date"),
  TARGET("target_date"),
  ADMISSION("admission_date"),
  FULL_MEMBER("full_member_date");

  final String column;

  StageDate(String column) {
    this.column = column;
  }
}
