// Until the engine's front-end types move to HailuoCore.
@_exported import HailuoEngine
