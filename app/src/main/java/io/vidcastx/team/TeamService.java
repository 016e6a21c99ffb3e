package io.vidcastx.team;

import java.util.List;

import io.vidcastx.accounts.AccountDirectory;
import io.vidcastx.accounts.Member;
import io.vidcastx.accounts.Role;
import io.vidcastx.db.ids.UserId;
import io.vidcastx.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's members. Anyone sees the list; an Admin changes roles and removes members; only
 * an Owner makes or unmakes Owners; the last Owner can neither be demoted nor removed.
 */
@Service
public class TeamService {

    private final AccountDirectory accounts;

    TeamService(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<Member> members(Caller caller) {
        return accounts.members(caller.organizationId());
    }

    @Transactional
    public void changeRole(Caller caller, UserId member, Role role) {
        caller.require(Role.ADMIN, "change roles");
        var current = find(caller, member);
        if ((role == Role.OWNER || current.role() == Role.OWNER) && caller.role() != Role.OWNER) {
            throw new org.springframework.security.access.AccessDeniedException("Only an owner may make or unmake owners");
        }
        if (current.role() == Role.OWNER && role != Role.OWNER
                && accounts.countOwnersForUpdate(caller.organizationId()) <= 1) {
            throw new IllegalStateException("The organization needs at least one owner: make someone else owner first");
        }
        accounts.setRole(caller.organizationId(), member, role);
    }

    @Transactional
    public void remove(Caller caller, UserId member) {
        caller.require(Role.ADMIN, "remove members");
        var current = find(caller, member);
        if (current.role() == Role.OWNER) {
            if (caller.role() != Role.OWNER) {
                throw new org.springframework.security.access.AccessDeniedException("Only an owner may remove an owner");
            }
            if (accounts.countOwnersForUpdate(caller.organizationId()) <= 1) {
                throw new IllegalStateException("The last owner cannot be removed");
            }
        }
        accounts.removeMember(caller.organizationId(), member);
    }

    private Member find(Caller caller, UserId member) {
        return accounts.members(caller.organizationId()).stream().filter(m -> m.userId().equals(member)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such member"));
    }
}
