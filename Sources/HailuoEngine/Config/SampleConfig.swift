extension SettingsLoader {
    /// A commented example `config.toml` holding every key with its default value
    /// (`hailuo config --sample`). It parses without warnings.
    public static func sampleConfig() -> String {
        #"""
        # hailuo configuration: $XDG_CONFIG_HOME/hailuo/config.toml (default ~/.config/hailuo/config.toml)
        # Precedence: command-line flag > environment variable > this file > built-in default.

        # Profile used when neither --profile nor HAILUO_PROFILE names one.
        profile = "default"

        # Defaults for new jobs; they also fill the keys a preset leaves out. Presets (F8 saves one
        # on the screen, submit --preset NAME sends one) live beside this file in presets.toml.
        [defaults]
        model = "minimax/hailuo-02"   # minimax/hailuo-02 | video-01 | video-01-live2d | minimax/hailuo-2.3 | minimax/hailuo-2.3-fast
        duration = 6                  # seconds: 6 or 10
        resolution = "768P"           # 768P | 1080P (1080P only with duration 6)
        prompt_optimizer = true       # false: follow the prompt strictly

        [download]
        # directory = "~/Videos/hailuo"  # default: $XDG_VIDEOS_DIR/hailuo, else ~/Videos/hailuo
        auto = true                   # download each video as soon as it completes

        [poll]
        min_interval = 3              # seconds between polls of one job, at least 3
        max_interval = 60             # seconds, at most 60
        requests_per_second = 2.0     # one cap for all jobs of a process

        [http]
        connect_timeout = 10          # seconds
        read_timeout = 30             # seconds

        [notify]
        on_finish = "bell"            # bell | osc9 | osc777 | none

        [preview]
        pictures = true               # thumbnails of image fields and frames of finished clips
                                      # (finer with Debian's libchafa0; clip frames need ffmpeg)

        [budget]
        # Caps in US dollars, none by default. A job that would pass one is refused before it
        # is sent; a job whose price is unknown counts as its model's highest known price.
        # daily_usd = 5.00            # jobs created today (local time), plus jobs still running
        # monthly_usd = 50.00         # jobs created this calendar month, plus jobs still running
        # per_job_usd = 0.60          # any one job

        [batch]
        max_jobs = 100                # the most jobs one batch file may make (a matrix multiplies out)
        max_in_flight = 4             # the most jobs of a batch pending at once (hailuo batch --max-in-flight)

        # One table per profile. The API key is never written here, and never given as a
        # command-line argument. It comes from, in order:
        #   1. the environment variable AIML_API_KEY;
        #   2. api_key_file: a file holding the key on its first line, readable only by you
        #      (chmod 600 FILE; a file others can read is refused);
        #   3. api_key_command: a command whose first output line is the key (10 s limit).
        # With no key at all (or with --demo) hailuo runs in DEMO mode against its built-in
        # simulator and spends no credits.
        [profiles.default]
        base_url = "https://api.aimlapi.com"  # also --base-url or AIML_API_BASE_URL
        family = "vendor"                     # vendor | unified
        # api_key_file = "~/.config/hailuo/api_key"
        # api_key_command = "pass show aimlapi"

        # [profiles.work]
        # base_url = "https://api.aimlapi.com"
        # family = "unified"
        # api_key_command = "secret-tool lookup service aimlapi"
        """# + "\n"
    }
}
