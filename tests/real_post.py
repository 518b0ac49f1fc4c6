"""The community post that "Kirim tulisan" and the importer failed on, in its real shape:
shared by the ending rules, the view and the browser test (its writer is the `ratna`
fixture in tests/conftest.py).

No title line, numbered section lines, an "Illustrator:" line, the writer's name ending
with a full stop, then a bio of about 474 characters. Written for these tests in the
shape of the community's posts; never copied from one.
"""

OPENING = (
    "Setelah berpisah, banyak dari kita merasa harus kuat sendirian. Dari obrolan di "
    "grup, saya mencatat dua hal kecil yang ternyata membantu kami bertahan."
)
SECTIONS = """1. Jangan ragu meminta bantuan
Bicara dengan keluarga atau teman yang kamu percaya. Mereka sering menunggu kita \
bercerita lebih dulu.

2. Atur keuangan dengan sederhana
Catat pengeluaran harian di buku kecil, lalu sisihkan uang receh untuk tabungan \
sekolah anak."""
BODY = f"{OPENING}\n\n{SECTIONS}"

# About 474 characters, as in the post that failed.
BIO = (
    "Ratna Sari adalah ibu tunggal dari dua anak yang tinggal di Bekasi. Sehari-hari "
    "ia bekerja sebagai admin di sebuah toko kain sambil berjualan kue kering secara "
    "daring. Sejak 2019 Ratna aktif di komunitas ini, awalnya sebagai pembaca yang "
    "diam, lalu sebagai relawan yang menemani anggota baru di grup WhatsApp. Ia suka "
    "menulis tentang keuangan keluarga, pengasuhan, dan cara merawat diri ketika "
    "semuanya terasa berat. Di waktu luang ia menanam cabai di pot dan membaca novel."
)

# As she sent it.
FAILING_POST = f"{BODY}\n\nIllustrator: Nadia Putri\n\nRatna Sari.\n\n{BIO}\n"
