"""The KL leash, used as a reader would."""
from tests.conftest import wait_ready


def zone(page):
    return page.eval_on_selector("#widget-kl-leash .tbt-kl-zone", "el => el.dataset.zone")


def test_leash_goes_from_hacked_to_sweet_to_stuck(page, base_url):
    page.goto(base_url + "rl/")
    root = wait_ready(page, "kl-leash")
    assert zone(page) == "sweet spot"
    page.eval_on_selector("#widget-kl-leash-kl_beta", """el => { el.value = -1;
        el.dispatchEvent(new Event('input', {bubbles: true})); }""")
    page.wait_for_function("() => document.querySelector('#widget-kl-leash .tbt-kl-zone').dataset.zone === 'too loose'")
    hack = root.locator("li.tbt-kl-row[data-coherent='0'] .tbt-kl-v").nth(1).inner_text()
    assert float(hack.rstrip("%")) > 50
    page.wait_for_function("() => new URLSearchParams(location.search).get('kl_beta') === '0.1'")
    # Keyboard: End jumps to the tightest leash.
    page.focus("#widget-kl-leash-kl_beta")
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelector('#widget-kl-leash .tbt-kl-zone').dataset.zone === 'too tight'")
    assert "nats" in root.locator("dl.tbt-kl-meters").inner_text()
