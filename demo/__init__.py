"""The demo site: its content as data files (demo/fixtures/*.yaml, kk, ru and
en side by side) and the code that loads them through the business apps'
own models and services (`manage.py seed_demo`), and `manage.py run_demo`."""
