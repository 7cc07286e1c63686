/// The style sheet and script every page loads, written beside it. They are
/// files rather than inline so that the page's Content-Security-Policy can
/// forbid inline script altogether; they are kept here as text, not as package
/// resources, so the `stillpoint` binary works wherever it is copied.
enum PageAssets {
    /// Calm and readable on a phone: system fonts, a single column, touch
    /// targets of at least 44 px, light and dark schemes, visible focus, and
    /// no movement when the reader asks for less.
    static let css = """
        :root { color-scheme: light dark; --bg: #f7f5f0; --fg: #24231f; --muted: #5d5a52; --card: #ffffff;
          --line: #dcd7cc; --accent: #2f5d62; --now: #e3efe9; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #171816; --fg: #e9e6de; --muted: #b4afa3; --card: #22241f; --line: #3a3c35;
            --accent: #9cc9c2; --now: #2d3d38; }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
        header, main, footer { max-width: 42rem; margin: 0 auto; padding: 1rem 1.25rem; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.25rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
        h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; color: var(--muted); }
        p { margin: 0.5rem 0; }
        a { color: var(--accent); }
        a:focus-visible, audio:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        .about, .length, footer { color: var(--muted); }
        .subscribe a, .downloads a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem;
          margin: 0.25rem 0.5rem 0.25rem 0; border: 1px solid var(--line); border-radius: 0.5rem; text-decoration: none; }
        .track { background: var(--card); border: 1px solid var(--line); border-radius: 1rem; padding: 1.25rem; margin: 0 0 1.5rem; }
        .cover { float: right; width: 96px; height: 96px; object-fit: cover; border-radius: 0.5rem; margin: 0 0 0.75rem 0.75rem; }
        .description { overflow-wrap: anywhere; }
        audio { display: block; width: 100%; min-height: 54px; margin: 1rem 0 0.5rem; clear: both; }
        .chapters ol, .phrases { list-style: none; margin: 0; padding: 0; }
        .chapters a { display: flex; justify-content: space-between; gap: 1rem; min-height: 44px; align-items: center;
          padding: 0.25rem 0.75rem; border-bottom: 1px solid var(--line); text-decoration: none; }
        .chapters time { color: var(--muted); font-variant-numeric: tabular-nums; }
        .phrases { position: relative; max-height: 16rem; overflow-y: auto; border: 1px solid var(--line);
          border-radius: 0.5rem; padding: 0.25rem; }
        .phrases li { padding: 0.4rem 0.6rem; border-radius: 0.4rem; overflow-wrap: anywhere; transition: background-color 0.4s; }
        .phrases li[aria-current] { background: var(--now); font-weight: 600; }
        @media (min-width: 40rem) { .cover { width: 160px; height: 160px; } }
        @media (prefers-reduced-motion: reduce) { * { transition: none !important; scroll-behavior: auto !important; } }

        """

    /// Chapter links seek the player (and start it: the click is the listener's
    /// own); the phrase being spoken is marked (`aria-current`) and kept in view
    /// in the transcript; one player plays at a time.
    static let javascript = """
        "use strict";
        (function () {
          var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
          var players = Array.prototype.slice.call(document.querySelectorAll("article.track audio"));
          players.forEach(function (audio) {
            var track = audio.closest("article.track");
            var phrases = Array.prototype.slice.call(track.querySelectorAll(".phrases li[data-start]"));
            var box = track.querySelector(".phrases");
            var current = null;
            track.querySelectorAll("a[data-seek]").forEach(function (link) {
              link.addEventListener("click", function (event) {
                event.preventDefault();
                audio.currentTime = parseFloat(link.getAttribute("data-seek"));
                var started = audio.play();
                if (started && started.catch) { started.catch(function () {}); }
              });
            });
            function mark() {
              var time = audio.currentTime, found = null;
              for (var i = 0; i < phrases.length; i++) {
                var start = parseFloat(phrases[i].getAttribute("data-start"));
                var end = parseFloat(phrases[i].getAttribute("data-end"));
                if (time >= start && time < end) { found = phrases[i]; break; }
              }
              if (found === current) { return; }
              if (current) { current.removeAttribute("aria-current"); }
              current = found;
              if (found) {
                found.setAttribute("aria-current", "true");
                if (box && box.scrollHeight > box.clientHeight) {
                  box.scrollTo({ top: found.offsetTop - box.clientHeight / 3, behavior: reduceMotion ? "auto" : "smooth" });
                }
              }
            }
            function follow() {
              mark();
              if (!audio.paused) { window.requestAnimationFrame(follow); }
            }
            audio.addEventListener("timeupdate", mark);
            audio.addEventListener("seeked", mark);
            audio.addEventListener("play", function () {
              players.forEach(function (other) { if (other !== audio) { other.pause(); } });
              window.requestAnimationFrame(follow);
            });
            mark();
          });
        })();

        """
}
