"""Development only: the demo site (`manage.py seed_demo`) and the test factories.

Installed by the dev and test settings, never by production, and left out of the
package that `pip install .` builds. Its text lives in data files under `data/`.
"""
