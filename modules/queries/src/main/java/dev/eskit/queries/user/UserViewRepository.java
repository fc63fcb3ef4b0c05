package dev.eskit.queries.user;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserViewRepository extends JpaRepository<UserView, UUID> {

    List<UserView> findByIdGreaterThanOrderByIdAsc(UUID after, Limit limit);

    List<UserView> findByEmailKeyAndIdGreaterThanOrderByIdAsc(String emailKey, UUID after, Limit limit);
}
