package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * Tasklist shows an assignee's or candidate group's name only when the viewer may read it; otherwise it shows the
 * login or group id. Names are readable within the unit that works together and by the bodies above it.
 */
@PostgresTest
class NamesInTasklistTest {

  @Autowired TestRestTemplate http;

  private List<Map<String, Object>> users(String viewer, String ids) {
    return http.withBasicAuth(viewer, "demo").exchange("/engine-rest/user?idIn=" + ids, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private static List<Object> ids(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> r.get("id")).toList();
  }

  @Test
  void anOfficerSeesTheNamesOfTheirOwnHospitalButNotOfAnotherOne() {
    List<Map<String, Object>> seen = users("nk_zuzhi", "rmyy_zzb,wk_shuji,zyy_zzb");
    assertThat(ids(seen)).containsExactlyInAnyOrder("rmyy_zzb", "wk_shuji");
    assertThat(seen).anySatisfy(u -> assertThat(u.get("firstName")).isEqualTo(
        http.withBasicAuth("admin", "demo").getForObject("/engine-rest/user/rmyy_zzb/profile", Map.class)
            .get("firstName")));
    assertThat(ids(users("zyy_zzb", "nk_zuzhi,rmyy_zzb"))).isEmpty();
  }

  @Test
  void theBodyAboveSeesTheNamesOfTheUnitsBelowIt() {
    assertThat(ids(users("wjj_shuji", "nk_zuzhi,zb1_shuji"))).containsExactlyInAnyOrder("nk_zuzhi", "zb1_shuji");
  }

  @Test
  void everyUserReadsTheNameOfAGroupATaskIsOfferedTo() {
    Map<?, ?> group = http.withBasicAuth("nk_zhuren", "demo")
        .getForObject("/engine-rest/group/" + Groups.roleGroup("rmyy", Role.SECRETARY), Map.class);
    assertThat(group.get("name")).asString().startsWith("县人民医院党委");
  }
}
