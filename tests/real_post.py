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

# How her posts end: the illustrator, her name with a full stop, her bio.
RATNA_ENDING = f"Illustrator: Nadia Putri\n\nRatna Sari.\n\n{BIO}\n"

# As she sent it.
FAILING_POST = f"{BODY}\n\n{RATNA_ENDING}"

# The post a contributor writes in the page editor (tests/e2e/test_real_post_journey.py):
# one line each, as a phone's clipboard gives it, five numbered sections.
REAL_POST_BODY = (
    "Menjadi ibu tunggal sering terasa seperti berjalan sendirian di jalan yang gelap.\n"
    "1. Dukungan emosional yang tidak menghakimi\n"
    "Teman yang mau mendengar tanpa buru-buru menasihati adalah harta.\n"
    "2. Waktu kecil untuk diri sendiri\n"
    "Sepuluh menit setelah anak tidur bisa menjadi napas panjang hari itu.\n"
    "3. Keuangan yang ditulis, bukan dipikirkan\n"
    "Anggaran di selembar kertas membuat kepala lebih ringan.\n"
    "4. Meminta tolong tanpa rasa malu\n"
    "Tetangga dan saudara sering menunggu untuk diminta.\n"
    "5. Merayakan hal kecil\n"
    "Hari ini anak saya tertawa. Itu cukup."
)

# Her bio, as the community's posts end.
ALYA_BIO = (
    "Alya Rahma adalah ibu tunggal dari seorang anak perempuan yang tinggal di "
    "Bandung. Ia bekerja sebagai penjahit di rumah dan menulis di sela pesanan. Di "
    "komunitas ini ia menemani anggota baru yang baru saja berpisah."
)
# The same post with its ending, as she sent it to the group: the illustrator, her
# name with a full stop, her bio.
REAL_POST_WITH_ENDING = f"{REAL_POST_BODY}\nIllustrator: Ans\nAlya Rahma.\n{ALYA_BIO}"
