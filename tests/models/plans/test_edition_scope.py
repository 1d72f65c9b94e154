"""edition_scope: what of the library an edition's hall runs, by library keys and step
positions (the plan editor shows and writes through it)."""

from models.plans.editions import edition_catalog, edition_scope


def test_every_kept_position_is_the_step_the_editions_cut_shows(shipped_catalog,
                                                                  shipped_editions):
    for edition in shipped_editions.editions:
        cut = edition_catalog(shipped_catalog, edition)
        scope = edition_scope(shipped_catalog, edition)
        assert scope.situations == tuple(s.key for s in cut.situations)
        assert scope.roles == tuple(r.key for r in cut.roles)
        for sit in cut.situations:
            library = shipped_catalog.situation(sit.key).steps
            positions = scope.steps[sit.key]
            if sit.steps == edition.first_steps:  # editions.toml's, not the library's
                assert positions == ()
                continue
            assert list(positions) == sorted(set(positions))  # the library's order
            assert [library[i].text for i in positions] == [st.text for st in sit.steps], \
                (edition.key, sit.key)


def test_a_banks_fire_is_three_library_steps_not_the_first_three(shipped_catalog,
                                                                  shipped_editions):
    scope = edition_scope(shipped_catalog, shipped_editions.get("bank_outlet"))
    fire = scope.steps["fire"]
    assert len(fire) == 3 and fire != (0, 1, 2)
    assert all(shipped_catalog.situation("fire").steps[i].source.startswith("bank:")
               for i in fire)
    assert "gas_accident_report" not in scope.situations and "line_head" not in scope.roles
