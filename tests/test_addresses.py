"""Instructors' links never break: every committed public address still exists in the build."""
from site_build import addresses


def test_committed_addresses_still_exist(site_dir):
    listed = addresses.committed()
    assert listed, "tests/addresses.txt is empty"
    present = set(addresses.found(site_dir))
    missing = [a for a in listed if a not in present]
    assert not missing, f"published addresses disappeared: {missing}"


def test_every_address_in_the_build_is_committed(site_dir):
    """New sections must be added to the list (so they are protected from then on)."""
    unlisted = sorted(set(addresses.found(site_dir)) - set(addresses.committed()))
    assert not unlisted, ("add these to tests/addresses.txt "
                          f"(python -m site_build.addresses site): {unlisted}")
