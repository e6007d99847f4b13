"""Speech in and out: the Vosk recogniser adapter, its grammar compiler and model trimming,
the wake word, text-to-speech and reading Korean aloud."""
