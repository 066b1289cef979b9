"""A speech server for Orca that says nothing aloud, for keyboard.py --orca: Orca still writes every utterance to its
debug file ("SPEECH OUTPUT: '...'"), which is what the test reads. Without it Orca starts speech-dispatcher, which
speaks on a machine with a synthesizer and fails (or leaves a daemon behind) on one without.

Orca loads it by name (its settings' speechServerFactory), from PYTHONPATH."""
from orca import speechserver


class SpeechServer(speechserver.SpeechServer):
    _server = None

    @staticmethod
    def getFactoryName():
        return "Silent (Mitra's tests)"

    @staticmethod
    def getSpeechServers():
        return [SpeechServer.getSpeechServer()]

    @staticmethod
    def getSpeechServer(info=None):
        if SpeechServer._server is None:
            SpeechServer._server = SpeechServer()
        return SpeechServer._server

    @staticmethod
    def shutdownActiveServers():
        SpeechServer._server = None

    def getInfo(self):
        return [self.getFactoryName(), "silent"]

    def getVoiceFamilies(self):
        return []
