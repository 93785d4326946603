package cn.partyflow.security;

import cn.partyflow.organization.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A Spring Security authentication for a Camunda user, with the user's function groups as roles. */
final class CurrentUser {

  private CurrentUser() {}

  static Authentication authenticated(String userId, IdentityService identity) {
    // Only the function groups decide the roles; a province's 书记 is also in a group per organization below (20,426).
    List<String> groups = identity.createGroupQuery().groupMember(userId)
        .groupIdIn(Groups.ADMINS, Groups.OFFICERS, Groups.AUDITORS, Groups.MANAGERS).list().stream()
        .map(Group::getId).toList();
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    if (groups.contains(Groups.ADMINS)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }
    if (groups.contains(Groups.OFFICERS)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_OFFICER"));
    }
    if (groups.contains(Groups.AUDITORS)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_AUDITOR"));
    }
    if (groups.contains(Groups.MANAGERS)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }
}
