def test_directory_and_profile_are_public(client, expert_factory):
    expert = expert_factory(headline="Procurement data lead")

    directory = client.get("/experts/")
    assert directory.status_code == 200
    assert expert.title in directory.text

    profile = client.get(expert.url)
    assert profile.status_code == 200
    assert "Procurement data lead" in profile.text
    assert expert.user.email not in profile.text
